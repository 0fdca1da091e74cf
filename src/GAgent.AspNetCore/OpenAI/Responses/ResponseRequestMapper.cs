using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.Responses;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// Validates a <c>POST /v1/responses</c> body and maps it onto an ephemeral run whose context is the stored chain
/// (the history: earlier inputs and outputs) followed by the new input. Every rejection names the field.
/// </summary>
internal static class ResponseRequestMapper
{
    private static readonly JsonElement Auto = JsonDocument.Parse("\"auto\"").RootElement;

    public static (MappedResponseRequest? Request, ErrorInfo? Error) Map(CreateResponseRequest body, IReadOnlyList<ResponseItem> history, HttpLimitsOptions limits)
    {
        try
        {
            return (MapCore(body, history, limits), null);
        }
        catch (RequestValidationException ex)
        {
            return (null, new ErrorInfo(400, ex.Message, ex.Code, ex.Param));
        }
    }

    private static MappedResponseRequest MapCore(CreateResponseRequest body, IReadOnlyList<ResponseItem> history, HttpLimitsOptions limits)
    {
        if (string.IsNullOrWhiteSpace(body.Model))
        {
            throw Invalid("model", "you must provide a model parameter. GET /v1/models lists the available models.", "missing_required_parameter");
        }

        if (body.Background == true)
        {
            throw Invalid("background", "'background' responses are not supported; stream the response or wait for it.", "unsupported_parameter");
        }

        var input = Input(body.Input, limits);
        var messages = new List<ChatMessage>();
        foreach (var item in history)
        {
            ResponseItemConverter.AppendMessage(messages, item.Item, "previous_response_id", limits);
        }

        for (var i = 0; i < input.Count; i++)
        {
            ResponseItemConverter.AppendMessage(messages, input[i].Item, body.Input?.ValueKind == JsonValueKind.String ? "input" : $"input[{i}]", limits);
        }

        var (declarations, echoed) = Tools(body.Tools);
        var options = new ChatOptions
        {
            Temperature = OpenAIRequestRules.Range(body.Temperature, 0, 2, "temperature"),
            TopP = OpenAIRequestRules.Range(body.TopP, 0, 1, "top_p"),
            MaxOutputTokens = body.MaxOutputTokens is <= 0 ? throw Invalid("max_output_tokens", "'max_output_tokens' must be at least 1.") : body.MaxOutputTokens,
            ToolMode = ToolChoice(body.ToolChoice, declarations),
            AllowMultipleToolCalls = body.ParallelToolCalls,
        };
        if (body.User is not null || body.Metadata is not null)
        {
            options.AdditionalProperties = [];
            if (body.User is not null)
            {
                options.AdditionalProperties["user"] = body.User;
            }

            if (body.Metadata is not null)
            {
                options.AdditionalProperties["metadata"] = body.Metadata;
            }
        }

        var template = new ResponseObject
        {
            Model = body.Model,
            Instructions = body.Instructions,
            MaxOutputTokens = body.MaxOutputTokens,
            ParallelToolCalls = body.ParallelToolCalls ?? true,
            PreviousResponseId = body.PreviousResponseId,
            Store = body.Store ?? true,
            Temperature = body.Temperature ?? 1,
            TopP = body.TopP ?? 1,
            ToolChoice = body.ToolChoice is { ValueKind: not JsonValueKind.Null } choice ? choice.Clone() : Auto,
            Tools = echoed,
            User = body.User,
            Metadata = body.Metadata ?? [],
        };
        var run = new AgentRunRequest
        {
            Messages = messages,
            ModelId = body.Model,
            ClientTools = declarations,
            ChatOptions = options,
            Instructions = string.IsNullOrWhiteSpace(body.Instructions) ? null : body.Instructions,
            Delivery = body.Stream == true ? RunEventDelivery.EveryDelta : RunEventDelivery.MergedDeltas,
            WholeModelReplies = body.Stream != true,
        };
        return new MappedResponseRequest(run, input, template);
    }

    private static List<ResponseItem> Input(JsonElement? input, HttpLimitsOptions limits)
    {
        switch (input)
        {
            case { ValueKind: JsonValueKind.String } text:
                var (id, item) = ResponseItemConverter.UserText(text.GetString()!);
                return [new ResponseItem { Id = id, Item = item }];
            case { ValueKind: JsonValueKind.Array } items when items.GetArrayLength() > 0:
                if (items.GetArrayLength() > limits.MaxMessages)
                {
                    throw Invalid("input", $"'input' has {items.GetArrayLength()} items; at most {limits.MaxMessages} are accepted (GAgent:Limits:MaxMessages).");
                }

                var list = new List<ResponseItem>();
                var i = 0;
                foreach (var element in items.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid($"input[{i}]", $"'input[{i}]' must be an input item object.");
                    }

                    var (itemId, normalized) = ResponseItemConverter.Normalize(element);
                    list.Add(new ResponseItem { Id = itemId, Item = normalized });
                    i++;
                }

                return list;
            case null or { ValueKind: JsonValueKind.Null }:
                throw Invalid("input", "you must provide 'input': a string or a non-empty array of input items.", "missing_required_parameter");
            default:
                throw Invalid("input", "'input' must be a string or a non-empty array of input items.");
        }
    }

    private static (List<AIFunctionDeclaration> Declarations, List<ResponseFunctionTool> Echoed) Tools(List<ResponseFunctionTool?>? tools)
    {
        var declarations = new List<AIFunctionDeclaration>();
        var echoed = new List<ResponseFunctionTool>();
        var i = 0;
        foreach (var tool in tools ?? [])
        {
            var path = $"tools[{i++}]";
            if (tool?.Type != "function")
            {
                throw Invalid($"{path}.type", $"'{path}.type' must be 'function'; other tool types are not supported.", "unsupported_parameter");
            }

            if (tool.Name is not { Length: > 0 } name)
            {
                throw Invalid($"{path}.name", $"'{path}' needs 'name'.", "missing_required_parameter");
            }

            var schema = tool.Parameters is { ValueKind: JsonValueKind.Object } parameters
                ? parameters.Clone()
                : JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;
            declarations.Add(AIFunctionFactory.CreateDeclaration(name, tool.Description, schema));
            echoed.Add(new ResponseFunctionTool { Type = "function", Name = name, Description = tool.Description, Parameters = schema, Strict = tool.Strict ?? true });
        }

        return (declarations, echoed);
    }

    private static ChatToolMode? ToolChoice(JsonElement? choice, List<AIFunctionDeclaration> tools)
        => OpenAIRequestRules.ToolChoice(choice, tools, static o => o.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null, "{\"type\":\"function\",\"name\":\"...\"}");

    private static RequestValidationException Invalid(string param, string message, string code = "invalid_value") => OpenAIRequestRules.Invalid(param, message, code);
}
