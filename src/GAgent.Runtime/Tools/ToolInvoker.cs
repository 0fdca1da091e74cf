using System.Text.Json;
using GAgent.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace GAgent.Tools;

/// <summary>
/// Runs one server-side tool call with a timeout. Failures never escape: a throwing, timed-out or mis-called tool
/// becomes an error result the model can read and recover from. Only stopping the run propagates.
/// </summary>
internal sealed class ToolInvoker(IServiceProvider services, ILogger<ToolInvoker> logger)
{
    public async Task<ToolOutcome> InvokeAsync(AIFunction? tool, FunctionCallContent call, TimeSpan timeout, ToolRunContext context, CancellationToken runToken)
    {
        if (tool is null)
        {
            return ToolOutcome.Failure(call.CallId, $"Error: there is no tool named '{call.Name}'. Use only the tools you were given.");
        }

        if (call.Exception is not null)
        {
            return ToolOutcome.Failure(call.CallId, $"Error: the arguments for '{call.Name}' are not valid JSON ({call.Exception.Message}). Call the tool again with a JSON object.");
        }

        using var activity = GAgentTelemetry.ActivitySource.StartActivity("gagent.tool " + call.Name);
        activity?.SetTag("gen_ai.tool.name", call.Name);
        activity?.SetTag("gen_ai.tool.call.id", call.CallId);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var arguments = new AIFunctionArguments(call.Arguments) { Services = services, Context = new Dictionary<object, object?> { [ToolRunContext.Key] = context } };
            // WaitAsync: a tool that ignores its token must not hold the run past its timeout or a stop; it is abandoned.
            var result = await tool.InvokeAsync(arguments, timeoutSource.Token).AsTask().WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            return new ToolOutcome(new FunctionResultContent(call.CallId, result), Serialize(result), IsError: false);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            RuntimeLog.ToolTimedOut(logger, call.Name, timeout);
            return ToolOutcome.Failure(call.CallId, $"Error: the tool '{call.Name}' did not finish within {timeout.TotalSeconds:0.###} s and was cancelled.");
        }
#pragma warning disable CA1031 // A tool's failure is data for the model, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RuntimeLog.ToolFailed(logger, call.Name, ex);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            return ToolOutcome.Failure(call.CallId, $"Error: the tool '{call.Name}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>The text form of a result, as models and event consumers see it.</summary>
    public static string Serialize(object? result) => result switch
    {
        null => "null",
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };
}
