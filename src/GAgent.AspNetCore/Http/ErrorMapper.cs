using GAgent.Approvals;
using GAgent.Media;
using GAgent.Models;
using GAgent.Providers;
using GAgent.Runs;
using GAgent.Sessions;

namespace GAgent.AspNetCore.Http;

/// <summary>Maps GAgent's expected exceptions to HTTP errors; anything else is not expected and is not mapped.</summary>
internal static class ErrorMapper
{
    public static ErrorInfo? TryMap(Exception exception) => exception switch
    {
        SessionNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        RunNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        ModelNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode, "model"),
        SessionAlreadyExistsException e => new ErrorInfo(409, e.Message, e.ErrorCode, "id"),
        SessionBusyException e => new ErrorInfo(409, e.Message, e.ErrorCode),
        RunLimitExceededException e => new ErrorInfo(429, e.Message, e.ErrorCode, RetryAfter: TimeSpan.FromSeconds(1)),
        RunEventsExpiredException e => new ErrorInfo(410, e.Message, e.ErrorCode, "after"),
        ChatProviderException e => new ErrorInfo(502, e.Message, e.ProviderErrorCode ?? e.ErrorCode),
        ApprovalNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        ApprovalAlreadyDecidedException e => new ErrorInfo(409, e.Message, e.ErrorCode),
        MediaNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        MediaRejectedException { Reason: MediaRejectionReason.TooLarge } e => new ErrorInfo(413, e.Message, e.ErrorCode),
        MediaRejectedException { Reason: MediaRejectionReason.TypeNotAllowed } e => new ErrorInfo(415, e.Message, e.ErrorCode),
        MediaRejectedException e => new ErrorInfo(400, e.Message, e.ErrorCode),
        GAgent.Profiles.ProfileNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        GAgent.Profiles.ProfileInUseException e => new ErrorInfo(409, e.Message, e.ErrorCode),
        GAgent.Profiles.ProfileVersionMismatchException e => new ErrorInfo(412, e.Message, e.ErrorCode),
        GAgent.Memory.MemoryTooLargeException e => new ErrorInfo(413, e.Message, e.ErrorCode, "content"),
        GAgent.Skills.SkillNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        GAgent.Skills.SkillTooLargeException e => new ErrorInfo(413, e.Message, e.ErrorCode, "content"),
        GAgent.Skills.InvalidSkillException e => new ErrorInfo(400, e.Message, e.ErrorCode, "content"),
        ArgumentException e => new ErrorInfo(400, StripParamSuffix(e), "invalid_request", e.ParamName),
        _ => null,
    };

    // ArgumentException appends " (Parameter 'x')" to its message; clients get the field in `param` instead.
    private static string StripParamSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }
}
