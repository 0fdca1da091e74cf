using OpenAI.Chat;

// JsonPatch is marked experimental (SCME0001); it is the SDK's only way to read response fields it does not model.
#pragma warning disable SCME0001

namespace GAgent.Providers.OpenAI;

/// <summary>
/// Reads the reasoning text that OpenAI-compatible servers add to chat completions although OpenAI's schema has no
/// such field: <c>reasoning_content</c> (DeepSeek, vLLM, llama.cpp) or <c>reasoning</c> (Ollama, OpenRouter).
/// </summary>
internal static class OpenAIReasoningReader
{
    /// <summary>The reasoning delta of a streamed chunk, or <see langword="null"/>.</summary>
    public static string? Read(StreamingChatCompletionUpdate chunk)
    {
        if (chunk.Patch.TryGetValue("$.choices[0].delta.reasoning_content"u8, out string? text) && !string.IsNullOrEmpty(text))
        {
            return text;
        }

        return chunk.Patch.TryGetValue("$.choices[0].delta.reasoning"u8, out text) && !string.IsNullOrEmpty(text) ? text : null;
    }

    /// <summary>The reasoning of a complete response, or <see langword="null"/>.</summary>
    public static string? Read(ChatCompletion completion)
    {
        if (completion.Patch.TryGetValue("$.choices[0].message.reasoning_content"u8, out string? text) && !string.IsNullOrEmpty(text))
        {
            return text;
        }

        return completion.Patch.TryGetValue("$.choices[0].message.reasoning"u8, out text) && !string.IsNullOrEmpty(text) ? text : null;
    }
}
