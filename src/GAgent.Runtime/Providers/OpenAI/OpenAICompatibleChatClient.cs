using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using SdkChatClient = OpenAI.Chat.ChatClient;
using SdkClientOptions = OpenAI.OpenAIClientOptions;

// ChatClient.Endpoint and ChatClient.Model are marked "for evaluation" (OPENAI001) in SDK 2.15; they are plain
// read-only facts about a client the caller built, which the adapter reports in metadata and errors.
#pragma warning disable OPENAI001

namespace GAgent.Providers.OpenAI;

/// <summary>
/// An <see cref="IChatClient"/> over the official OpenAI .NET SDK's chat completions client. It talks to OpenAI and to
/// any OpenAI-compatible server (Azure OpenAI's v1 endpoint, Ollama, vLLM, llama.cpp). Provider failures surface as
/// <see cref="ChatProviderException"/>; caller cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    // The SDK insists on a key; servers that need none ignore the Authorization header.
    private const string PlaceholderApiKey = "no-key";

    private static readonly Uri DefaultEndpoint = new("https://api.openai.com/v1");

    private readonly SdkChatClient _chatClient;
    private readonly string _modelId;
    private readonly Uri _endpoint;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a client from GAgent's provider options.</summary>
    /// <param name="options">The endpoint, key, model, timeout and retry settings.</param>
    public OpenAICompatibleChatClient(OpenAIProviderOptions options)
        : this(CreateSdkClient(options), options.Model)
    {
    }

    /// <summary>Wraps an SDK chat client the caller built (for custom authentication or pipeline policies).</summary>
    /// <param name="chatClient">The SDK client; its endpoint and pipeline are used as they are.</param>
    /// <param name="modelId">The model requested by default; sent instead of the client's own model when they differ.</param>
    public OpenAICompatibleChatClient(SdkChatClient chatClient, string modelId)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _chatClient = chatClient;
        _modelId = modelId;
        _endpoint = chatClient.Endpoint ?? DefaultEndpoint;
        _metadata = new ChatClientMetadata(OpenAIErrorTranslator.ProviderName, _endpoint, modelId);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sdkMessages = OpenAIRequestMapper.ToSdkMessages(messages, options);
        var sdkOptions = OpenAIRequestMapper.ToSdkOptions(options, this, _modelId, _chatClient.Model);
        ClientResult<ChatCompletion> result;
        try
        {
            result = await _chatClient.CompleteChatAsync(sdkMessages, sdkOptions, cancellationToken);
        }
        catch (Exception exception) when (OpenAIErrorTranslator.Translate(exception, _endpoint, cancellationToken) is { } translated)
        {
            throw translated;
        }

        return OpenAIResponseMapper.ToChatResponse(result.Value);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sdkMessages = OpenAIRequestMapper.ToSdkMessages(messages, options);
        var sdkOptions = OpenAIRequestMapper.ToSdkOptions(options, this, _modelId, _chatClient.Model);
        var toolCalls = new StreamingToolCallAccumulator();
        StreamingChatCompletionUpdate? last = null;
        AIFinishReason? finishReason = null;

        var enumerator = _chatClient.CompleteChatStreamingAsync(sdkMessages, sdkOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator)
        {
            while (await MoveNextAsync(enumerator, cancellationToken))
            {
                last = enumerator.Current;
                finishReason = OpenAIResponseMapper.ToFinishReason(last.FinishReason) ?? finishReason;
                if (ToUpdate(last, toolCalls) is { } update)
                {
                    yield return update;
                }
            }
        }

        // A stream that ended without a finish reason still owes the caller the tool calls it announced.
        if (last is not null && toolCalls.HasPendingCalls)
        {
            var update = CreateUpdate(last, []);
            toolCalls.DrainInto(update.Contents);
            update.FinishReason = finishReason ?? AIFinishReason.ToolCalls;
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(SdkChatClient))
        {
            return _chatClient;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The SDK client owns no disposable resources (its HttpClient is shared), so there is nothing to release.
    }

    private static SdkChatClient CreateSdkClient(OpenAIProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new ArgumentException("OpenAIProviderOptions.Model is required: set GAgent:OpenAI:Model to the provider's model id.", nameof(options));
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "OpenAIProviderOptions.MaxRetries cannot be negative.");
        }

        var clientOptions = new SdkClientOptions
        {
            NetworkTimeout = options.NetworkTimeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };

        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        if (!string.IsNullOrWhiteSpace(options.Organization))
        {
            clientOptions.OrganizationId = options.Organization;
        }

        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderApiKey : options.ApiKey;
        return new SdkChatClient(options.Model, new ApiKeyCredential(apiKey), clientOptions);
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> enumerator, CancellationToken cancellationToken)
    {
        try
        {
            return await enumerator.MoveNextAsync();
        }
        catch (Exception exception) when (OpenAIErrorTranslator.Translate(exception, _endpoint, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    // One SDK chunk becomes at most one update: reasoning and text deltas go out at once, tool calls only when the
    // finish reason arrives.
    private static ChatResponseUpdate? ToUpdate(StreamingChatCompletionUpdate chunk, StreamingToolCallAccumulator toolCalls)
    {
        foreach (var fragment in chunk.ToolCallUpdates)
        {
            toolCalls.Add(fragment);
        }

        var finishReason = OpenAIResponseMapper.ToFinishReason(chunk.FinishReason);
        var update = CreateUpdate(chunk, []);
        AddText(chunk, update.Contents);
        if (finishReason is not null)
        {
            toolCalls.DrainInto(update.Contents);
            update.FinishReason = finishReason;
        }

        if (OpenAIResponseMapper.ToUsage(chunk.Usage) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        return update.Contents.Count > 0 || update.FinishReason is not null ? update : null;
    }

    private static void AddText(StreamingChatCompletionUpdate chunk, IList<AIContent> contents)
    {
        if (OpenAIReasoningReader.Read(chunk) is { } reasoning)
        {
            contents.Add(new TextReasoningContent(reasoning));
        }

        foreach (var part in chunk.ContentUpdate)
        {
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
            {
                contents.Add(new TextContent(part.Text));
            }
        }

        if (!string.IsNullOrEmpty(chunk.RefusalUpdate))
        {
            contents.Add(new TextContent(chunk.RefusalUpdate));
        }
    }

    private static ChatResponseUpdate CreateUpdate(StreamingChatCompletionUpdate chunk, List<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = chunk.CompletionId,
        MessageId = chunk.CompletionId,
        CreatedAt = OpenAIResponseMapper.NullIfDefault(chunk.CreatedAt),
        ModelId = chunk.Model,
        RawRepresentation = chunk,
    };
}
