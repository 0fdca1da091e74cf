using System.Net.Http.Headers;

namespace GAgent.LoadTest;

/// <summary>The request every client sends: a short chat, streamed or not.</summary>
internal static class LoadRequests
{
    public static ByteArrayContent Body(bool stream)
    {
        var json = stream
            ? """{"model":"load","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}"""u8.ToArray()
            : """{"model":"load","messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}"""u8.ToArray();
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
