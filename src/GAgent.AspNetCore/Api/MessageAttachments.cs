using GAgent.AspNetCore.Http;
using GAgent.Media;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Turns the media ids a client attaches to a message into references for the session: every id must be an
/// uploaded file, and the count is capped. Shared by the control API and the WebSocket so both accept the same input.
/// </summary>
internal static class MessageAttachments
{
    /// <summary>The user message's contents (the text, then one reference per attachment), or the error to answer.</summary>
    public static async ValueTask<(List<AIContent>? Contents, ErrorInfo? Error)> BuildAsync(string text, IReadOnlyList<string>? attachments, IMediaStore media, int maxParts, CancellationToken cancellationToken)
    {
        var found = await MediaAttachmentCheck.ResolveAsync(attachments ?? [], media, maxParts, cancellationToken).ConfigureAwait(false);
        return found switch
        {
            { References: { } references } => ([new TextContent(text), .. references], null),
            { Problem: MediaAttachmentProblem.TooMany } => (null, new ErrorInfo(413, $"{attachments!.Count} attachments; at most {maxParts} are accepted (GAgent:Limits:MaxContentParts).", "request_too_large", "attachments")),
            { Problem: MediaAttachmentProblem.Malformed } => (null, new ErrorInfo(400, $"Attachment '{found.Id}' is not a media id: upload the file with POST /api/media and send the id it returns.", "invalid_request", "attachments")),
            _ => (null, new ErrorInfo(400, $"Attachment '{found.Id}' is not an uploaded media id: upload the file with POST /api/media and send the id it returns.", "invalid_request", "attachments")),
        };
    }
}
