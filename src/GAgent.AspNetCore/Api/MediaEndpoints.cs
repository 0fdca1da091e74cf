using System.Globalization;
using System.Text;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using GAgent.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GAgent.AspNetCore.Api;

/// <summary>Media: multipart upload (admin) and download through a signed URL (no API key: the signature is the authorization).</summary>
internal static class MediaEndpoints
{
    // Multipart boundaries and part headers on top of the file bytes.
    private const long FormOverheadBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/media", UploadAsync).WithName("GAgentUploadMedia").DisableAntiforgery();
        api.MapGet("/media/{id}", DownloadAsync).WithName(MediaLinks.EndpointName).WithMetadata(new GAgentAnonymousMetadata()).AllowAnonymous();
    }

    private static async Task<IResult> UploadAsync(HttpContext context, IMediaStore store, IOptions<GAgentServerOptions> options)
    {
        var limits = options.Value.Media;
        var request = context.Request;
        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.From(new ErrorInfo(415, "POST /api/media takes multipart/form-data with one or more file parts.", "unsupported_media_type"), context);
        }

        if (request.ContentLength > limits.MaxRequestBytes + FormOverheadBytes)
        {
            return TooLarge(context, "MaxRequestBytes", $"The upload is {request.ContentLength} bytes; the files of one request may total at most {limits.MaxRequestBytes} bytes (GAgent:Media:MaxRequestBytes).");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBytes + FormOverheadBytes;
        }

        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limits.MaxFileBytes, ValueCountLimit = limits.MaxFiles + 16 }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context, "MaxRequestBytes", $"The upload is larger than {limits.MaxRequestBytes} bytes, the cap on the files of one request (GAgent:Media:MaxRequestBytes).");
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(context, "MaxFileBytes", $"A file is larger than {limits.MaxFileBytes} bytes, the cap per file (GAgent:Media:MaxFileBytes).");
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(context, "MaxFiles", $"The upload has too many parts; at most {limits.MaxFiles} files are accepted per request (GAgent:Media:MaxFiles).");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ApiProblems.BadRequest($"The multipart body could not be read: {ex.Message}", "files");
        }

        var files = form.Files;
        if (files.Count == 0)
        {
            return ApiProblems.BadRequest("The upload has no files: send multipart/form-data with one or more file parts (e.g. name=\"files\"; filename=\"photo.png\").", "files");
        }

        if (files.Count > limits.MaxFiles)
        {
            return TooLarge(context, "MaxFiles", $"The upload has {files.Count} files; at most {limits.MaxFiles} are accepted per request (GAgent:Media:MaxFiles).");
        }

        if (files.Sum(f => f.Length) is var total && total > limits.MaxRequestBytes)
        {
            return TooLarge(context, "MaxRequestBytes", $"The files total {total} bytes; at most {limits.MaxRequestBytes} are accepted per request (GAgent:Media:MaxRequestBytes).");
        }

        // Every file is checked before any is stored, so a rejected request stores nothing.
        foreach (var file in files)
        {
            var name = MediaFileNames.Sanitize(file.FileName);
            if (file.Length > limits.MaxFileBytes)
            {
                return TooLarge(context, "MaxFileBytes", $"'{name}' is {file.Length} bytes; at most {limits.MaxFileBytes} are accepted per file (GAgent:Media:MaxFileBytes).");
            }

            if (file.Length == 0)
            {
                return ApiProblems.From(new ErrorInfo(400, $"'{name}' is empty.", "media_empty", "files"), context);
            }

            var content = file.OpenReadStream();
            await using (content.ConfigureAwait(false))
            {
                var sniffed = await MediaTypeSniffer.SniffAsync(content, file.FileName, context.RequestAborted).ConfigureAwait(false);
                if (!sniffed.Allowed)
                {
                    return ApiProblems.From(new ErrorInfo(415, $"'{name}' is {sniffed.MediaType} (detected from its content), which is not accepted. Allowed types: {string.Join(", ", MediaTypeSniffer.AllowedMediaTypes)}.", "media_type_not_allowed", "files"), context);
                }
            }
        }

        var stored = new List<MediaInfo>(files.Count);
        var created = new List<string>();
        try
        {
            foreach (var file in files)
            {
                // Both streams share the buffered body, so the hash is read before the content stream opens.
                var hash = await HashAsync(file, context.RequestAborted).ConfigureAwait(false);
                var content = file.OpenReadStream();
                await using (content.ConfigureAwait(false))
                {
                    var existed = await store.GetAsync(hash, context.RequestAborted).ConfigureAwait(false) is not null;
                    var info = await store.SaveAsync(content, file.FileName, limits.MaxFileBytes, context.RequestAborted).ConfigureAwait(false);
                    if (!existed)
                    {
                        created.Add(info.Id);
                    }

                    stored.Add(info);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var id in created)
            {
                await store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            }

            if (ErrorMapper.TryMap(ex) is { } mapped)
            {
                return ApiProblems.From(mapped with { Param = "files" }, context);
            }

            throw;
        }

        var items = stored.Select(i => new MediaItemResponse(i.Id, i.MediaType, i.Size, i.FileName, i.Sha256, MediaLinks.SignedUrl(context, i.Id))).ToList();
        return TypedResults.Json(new MediaUploadResponse(items), ApiJson.Context.MediaUploadResponse, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DownloadAsync(string id, string? exp, string? sig, HttpContext context, IMediaStore store, MediaUrlSigner signer)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
        {
            return Forbidden(context, "Media is served only through a signed URL (?exp=…&sig=…), as returned by POST /api/media or the messages page.");
        }

        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || !MediaIds.IsValid(id))
        {
            return Forbidden(context, "The media URL's signature is not valid.");
        }

        switch (signer.Verify(id, expires, sig))
        {
            case MediaSignatureStatus.Invalid:
                return Forbidden(context, "The media URL's signature is not valid.");
            case MediaSignatureStatus.Expired:
                return ApiProblems.From(new ErrorInfo(410, "The media URL has expired; ask the API for a fresh one (for example GET /api/sessions/{id}/messages).", "media_url_expired"), context);
        }

        if (await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } info)
        {
            return ApiProblems.NotFound($"Media '{id}' was not found.", "media_not_found");
        }

        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(id, context.RequestAborted).ConfigureAwait(false);
        }
        catch (MediaNotFoundException)
        {
            return ApiProblems.NotFound($"Media '{id}' was not found.", "media_not_found");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        var maxAge = Math.Max(0, expires - DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={maxAge}");
        headers.ContentDisposition = Disposition(info);
        var contentType = info.MediaType.StartsWith("text/", StringComparison.Ordinal) ? info.MediaType + "; charset=utf-8" : info.MediaType;
        return TypedResults.Stream(stream, contentType, lastModified: info.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{info.Sha256}\""), enableRangeProcessing: true);
    }

    // Images and PDFs open in the browser (sandboxed by the CSP); everything else downloads.
    private static string Disposition(MediaInfo info)
    {
        var inline = info.MediaType.StartsWith("image/", StringComparison.Ordinal) || info.MediaType == "application/pdf";
        var header = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        var ascii = new StringBuilder(info.FileName.Length);
        foreach (var c in info.FileName)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        header.FileName = "\"" + ascii + "\"";
        header.FileNameStar = info.FileName;
        return header.ToString();
    }

    private static async Task<string> HashAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var content = file.OpenReadStream();
        await using (content.ConfigureAwait(false))
        {
            return MediaIds.FromHash(await System.Security.Cryptography.SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(HttpContext context, string cap, string message)
        => ApiProblems.From(new ErrorInfo(413, message, "request_too_large", cap), context);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(HttpContext context, string message)
        => ApiProblems.From(new ErrorInfo(403, message, "media_signature_invalid"), context);
}
