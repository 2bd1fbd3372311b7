// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Sandbox {

// One fault to inject, parsed from `ROUTE:ACTION[=VALUE][,count=N][,retry-after=SECONDS]`
// as given on the command line or to the control endpoint.
struct FaultSpec
{
    enum class Route { Api, Upload, Get, Chat, Any };
    enum class Action {
        Status,
        ResetAfter,
        Stall,
        Throttle,
        Delay,
        MalformedJson,
        MissingField,
        ExpiredPolicy,
        ClockShift,
    };

    Route route = Route::Any;
    Action action = Action::Status;
    qint64 value = 0; // status code, bytes, seconds, bytes/s, ms or shift seconds
    QString field; // missing-field=NAME
    int count = 1; // 0: every request until cleared
    int retryAfterSeconds = -1; // -1: no Retry-After header

    static std::optional<FaultSpec> parse(const QString &text, QString *error);
    QString toString() const;

    static QString routeName(Route route);
    static QString actionName(Action action);
    // Whether a fault on `faultRoute` applies to a request on `requestRoute`.
    static bool routeMatches(Route faultRoute, Route requestRoute);
};

} // namespace Sandbox
