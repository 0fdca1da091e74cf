using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.Responses;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>A validated Responses request: the run to start, the input items to store, and the response object's request fields.</summary>
internal sealed record MappedResponseRequest(AgentRunRequest Run, IReadOnlyList<ResponseItem> InputItems, ResponseObject Template);
