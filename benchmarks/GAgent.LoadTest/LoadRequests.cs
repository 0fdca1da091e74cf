namespace GAgent.LoadTest;

/// <summary>The request bodies the clients send: a short chat, streamed or not, and the same as a Responses request.</summary>
internal static class LoadRequests
{
    public static readonly byte[] StreamedChat = """{"model":"load","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}"""u8.ToArray();

    public static readonly byte[] Chat = """{"model":"load","messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}"""u8.ToArray();

    public static readonly byte[] StreamedResponse = """{"model":"load","stream":true,"store":false,"instructions":"You are fast.","input":"Say many words."}"""u8.ToArray();

    public static ByteArrayContent Body(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
