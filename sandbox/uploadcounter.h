// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Sandbox {

// Counts uploads in flight (bucket POST/PUT and the upload proxy) and the most that ran
// at once, so tests can assert on a client's parallelism.
class UploadCounter final
{
public:
    void begin();
    void end();
    void reset(); // the server stopped: nothing is in flight any more
    void resetMaximum(); // the maximum restarts from what runs now

    int inFlight() const { return m_inFlight; }
    int maximum() const { return m_maximum; }

private:
    int m_inFlight = 0;
    int m_maximum = 0;
};

} // namespace Sandbox
