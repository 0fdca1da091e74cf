using System.Text;
using Microsoft.Extensions.AI;

namespace GAgent.Media;

/// <summary>
/// Turns the <c>gagent-media:{id}</c> references sessions store (see <see cref="MediaReferences"/>) into what the
/// model reads: images and PDFs as <see cref="DataContent"/> with the stored bytes, text documents inlined as
/// <see cref="TextContent"/> up to a cap. Sessions keep only the reference, so the bytes are read per turn.
/// </summary>
internal sealed class MediaReferenceResolver(IMediaStore store)
{
    /// <summary>Replaces references in place; <paramref name="messages"/> must be copies made for this turn, not stored messages.</summary>
    public async ValueTask ResolveAsync(List<ChatMessage> messages, int maxTextBytes, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (!HasReference(message.Contents))
            {
                continue;
            }

            var resolved = new List<AIContent>(message.Contents.Count);
            foreach (var content in message.Contents)
            {
                resolved.Add(content is UriContent uri && MediaReferences.TryGetId(uri.Uri, out var id)
                    ? await ResolveAsync(id, maxTextBytes, cancellationToken).ConfigureAwait(false)
                    : content);
            }

            message.Contents = resolved;
        }
    }

    /// <summary>Whether any content is a media reference; by index, as every message of the history window is checked each run.</summary>
    private static bool HasReference(IList<AIContent> contents)
    {
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is UriContent uri && MediaReferences.TryGetId(uri.Uri, out _))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<AIContent> ResolveAsync(string id, int maxTextBytes, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } info)
        {
            return new TextContent($"[An attachment ({id}) is no longer available.]");
        }

        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaNotFoundException)
        {
            return new TextContent($"[The attachment '{info.FileName}' is no longer available.]");
        }

        await using (stream.ConfigureAwait(false))
        {
            var isText = info.MediaType.StartsWith("text/", StringComparison.Ordinal) || info.MediaType == "application/json";
            var limit = isText ? (int)Math.Min(info.Size, maxTextBytes) : info.Size;
            var bytes = new byte[limit];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (!isText)
            {
                return new DataContent(bytes, info.MediaType) { Name = info.FileName };
            }

            // Cut on a character boundary: a truncated multi-byte sequence at the end is dropped, not mangled.
            var text = new UTF8Encoding(false, false).GetString(bytes, 0, CompleteLength(bytes));
            var builder = new StringBuilder(text.Length + 128)
                .Append("[Attached file '").Append(info.FileName).Append("' (").Append(info.MediaType).Append(")]\n").Append(text);
            if (info.Size > limit)
            {
                builder.Append("\n[Truncated: the first ").Append(limit).Append(" of ").Append(info.Size).Append(" bytes are shown.]");
            }

            return new TextContent(builder.ToString());
        }
    }

    private static int CompleteLength(byte[] bytes)
    {
        var end = bytes.Length;
        var back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80)
        {
            back++;
        }

        if (end - back - 1 < 0)
        {
            return end;
        }

        var lead = bytes[end - back - 1];
        var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return needed == back + 1 ? end : end - back - 1;
    }
}
