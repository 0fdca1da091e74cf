using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.Responses;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>A response whose run is still going: what its streams project from, and the final response once recorded.</summary>
internal sealed class ActiveResponse(IAgentRun run, ResponseObject template, IReadOnlyList<ResponseItem> inputItems)
{
    private readonly TaskCompletionSource<ResponseObject> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id => Template.Id;

    public IAgentRun Run { get; } = run;

    /// <summary>The request fields of the response object (status in progress, no output); never changed after the start.</summary>
    public ResponseObject Template { get; } = template;

    public IReadOnlyList<ResponseItem> InputItems { get; } = inputItems;

    /// <summary>The final response, once the run ended and the response was stored. Never faults.</summary>
    public Task<ResponseObject> Completion => _completion.Task;

    public void Complete(ResponseObject response) => _completion.TrySetResult(response);
}
