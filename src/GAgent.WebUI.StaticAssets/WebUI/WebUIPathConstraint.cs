using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GAgent.WebUI;

/// <summary>
/// Keeps the UI's catch-all route away from the API: paths whose first segment is <c>api</c>, <c>v1</c>,
/// <c>health</c> or <c>status</c> never reach the UI, so their 404s stay the API's own (never HTML).
/// </summary>
internal sealed class WebUIPathConstraint : IRouteConstraint
{
    private static readonly string[] Reserved = ["api", "v1", "health", "status"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = values.TryGetValue(routeKey, out var value) ? value as string ?? string.Empty : string.Empty;
        return !IsReserved(path);
    }

    public static bool IsReserved(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? trimmed : trimmed[..slash];
        foreach (var reserved in Reserved)
        {
            if (string.Equals(first, reserved, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
