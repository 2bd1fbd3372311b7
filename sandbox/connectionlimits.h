// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Sandbox {

// How long and how many clients the sandbox serves, as a real server limits them, so that
// held-open half requests (slowloris) cannot starve everyone else. Time spent waiting on
// the sandbox itself (a stall= or throttle= fault, a delay) never counts against a client.
struct ConnectionLimits
{
    // A request head must arrive whole within this, counted from its first byte (from the
    // accept on a fresh connection), not restarted by each byte; then 408 and close.
    int headerTimeoutMs = 10 * 1000;
    // A kept-alive connection with no next request is closed after this.
    int idleTimeoutMs = 60 * 1000;
    // A body the client stops sending: the connection may wait this long for body bytes in
    // all, and each byte buys 1/bodyMinBytesPerSecond s more (up to this much again), so a
    // trickle slower than that rate is cut too; then 408 and close. The same time bounds a
    // response the client does not read.
    int bodyTimeoutMs = 30 * 1000;
    qint64 bodyMinBytesPerSecond = 1024;
    // Connections served at once; more are answered 503 at once and closed.
    int maxConnections = 512;
};

} // namespace Sandbox
