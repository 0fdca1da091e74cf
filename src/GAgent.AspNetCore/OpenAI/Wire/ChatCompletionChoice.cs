using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>A choice of a non-streamed completion.</summary>
internal sealed record ChatCompletionChoice(int Index, ChatCompletionResponseMessage Message, string FinishReason)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Logprobs { get; init; }
}
