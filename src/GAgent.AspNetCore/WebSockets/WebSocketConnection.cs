using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using GAgent.Approvals;
using GAgent.AspNetCore.Api;
using GAgent.Channels;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Streaming;
using GAgent.AspNetCore.WebSockets.Wire;
using GAgent.Events;
using GAgent.Media;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.Logging;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>
/// One open socket: a receive loop that handles client messages in order, and a send loop that drains a bounded
/// queue. Everything for the client (acks, errors, run events of every subscribed session) goes through the queue, so
/// only the send loop writes to the socket; producers never wait on it, and a client too slow to keep the queue below
/// its capacity is disconnected instead of slowing the run or other sockets.
/// </summary>
internal sealed class WebSocketConnection : IDisposable
{
    private const string Protocol = "gagent.ws.v1";
    private const int MaxContentLength = 200_000;
    // Small: an idle socket holds its receive buffer while it waits, and 10,000 idle sockets must stay cheap.
    private const int ReceiveChunkBytes = 2 * 1024;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(10);
    private static readonly WsJsonContext Json = new(new JsonSerializerOptions(WsJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private readonly WebSocket _socket;
    private readonly string _id = "ws_" + Guid.CreateVersion7().ToString("N");
    private readonly WebSocketChannelOptions _options;
    private readonly IAgentRunner _runner;
    private readonly ISessionStore _sessions;
    private readonly SessionRunHub _hub;
    private readonly WebSocketApprovals _approvals;
    private readonly IGAgentEventBus _bus;
    private readonly IMediaStore _media;
    private readonly int _maxAttachments;
    private readonly WebSocketChannel _channel;
    private readonly string _senderId;
    private readonly ILogger _logger;
    // Items are byte[] (protocol messages), AgentEvent or GAgentNotification; events are serialized by the send loop
    // into one reusable buffer, so streaming a run allocates nothing per event beyond the event itself.
    private readonly Channel<object> _outbox;
    private readonly ArrayBufferWriter<byte> _frame = new(256);
    private readonly AgentEventWriter _events = new(includeSessionId: true);
    // Concurrent: the event bus checks membership from the publisher's thread while the receive loop changes it.
    private readonly ConcurrentDictionary<string, WebSocketSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _finished = new();
    private readonly CancellationTokenSource _idle = new();
    private int _closeRequested;
    private volatile bool _watching;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeDescription = string.Empty;

    public WebSocketConnection(WebSocket socket, WebSocketChannelOptions options, IAgentRunner runner, ISessionStore sessions, SessionRunHub hub, IGAgentEventBus bus, IMediaStore media, int maxAttachments, WebSocketChannel channel, string senderId, WebSocketApprovals approvals, ILogger logger)
    {
        _approvals = approvals;
        _socket = socket;
        _options = options;
        _runner = runner;
        _sessions = sessions;
        _hub = hub;
        _bus = bus;
        _media = media;
        _maxAttachments = maxAttachments;
        _channel = channel;
        _senderId = senderId;
        _logger = logger;
        _outbox = Channel.CreateBounded<object>(new BoundedChannelOptions(options.SendQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        WebSocketLog.Opened(_logger, _id);
        using var onStopping = stopping.Register(static state => ((WebSocketConnection)state!).RequestClose(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", dropQueued: false), this);
        using var onIdle = _idle.Token.Register(static state => ((WebSocketConnection)state!).RequestClose(WebSocketCloseStatus.EndpointUnavailable, "idle timeout", dropQueued: false), this);
        _idle.CancelAfter(_options.IdleTimeout);
        var sending = SendLoopAsync();
        using var notifications = _bus.Subscribe(OnNotification);
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            RequestClose(WebSocketCloseStatus.NormalClosure, string.Empty, dropQueued: false);
            foreach (var subscription in _subscriptions.Values)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
            await sending.ConfigureAwait(false);
            await _finished.CancelAsync().ConfigureAwait(false);
            WebSocketLog.Closed(_logger, _id);
        }
    }

    public void Dispose()
    {
        _events.Dispose();
        _finished.Dispose();
        _idle.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        byte[]? chunk = null;
        var message = new ArrayBufferWriter<byte>(256);
        var tooLarge = false;
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                ValueWebSocketReceiveResult received;
                try
                {
                    if (chunk is null)
                    {
                        // An idle socket holds no receive buffer: an empty read waits for the next frame, and only
                        // then is a buffer rented to read it (it goes back to the pool when the message is complete).
                        received = await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                        if (received.MessageType != WebSocketMessageType.Close && !received.EndOfMessage)
                        {
                            chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
                            received = await _socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        received = await _socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (!tooLarge)
                {
                    if (message.WrittenCount + received.Count > _options.MaxMessageBytes)
                    {
                        // Keep reading the frames of the oversized message, but stop buffering them.
                        tooLarge = true;
                        message.ResetWrittenCount();
                    }
                    else if (received.Count > 0)
                    {
                        // Data was read, so a buffer was rented for it.
                        message.Write(chunk!.AsSpan(0, received.Count));
                    }
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                _idle.CancelAfter(_options.IdleTimeout);
                if (tooLarge)
                {
                    SendError(null, "message_too_large", $"The message is larger than {_options.MaxMessageBytes} bytes (GAgent:WebSocket:MaxMessageBytes) and was ignored.");
                }
                else if (received.MessageType == WebSocketMessageType.Binary)
                {
                    SendError(null, "invalid_frame", "Binary frames are not part of the protocol; send JSON text messages.");
                }
                else
                {
                    await HandleAsync(message.WrittenMemory).ConfigureAwait(false);
                }

                tooLarge = false;
                message.ResetWrittenCount();
                if (chunk is not null)
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                    chunk = null;
                }
            }
        }
        finally
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> json)
    {
        WsClientMessage? request;
        try
        {
            request = JsonSerializer.Deserialize(json.Span, Json.WsClientMessage);
        }
        catch (JsonException ex)
        {
            SendError(null, "invalid_json", $"The message is not valid JSON: {ex.Message.Split(" Path:", 2)[0]}");
            return;
        }

        if (request?.Type is not { } type)
        {
            SendError(request?.ClientRequestId, "invalid_message", "Every message needs a 'type': hello, subscribe, unsubscribe, watch, unwatch, message, stop, approval or ping.");
            return;
        }

        try
        {
            switch (type)
            {
                case "hello":
                    Send(new WsServerMessage("hello") { ClientRequestId = request.ClientRequestId, Protocol = Protocol, ConnectionId = _id, MaxMessageBytes = _options.MaxMessageBytes, IdleTimeoutSeconds = _options.IdleTimeout.TotalSeconds });
                    break;
                case "ping":
                    Send(new WsServerMessage("pong") { ClientRequestId = request.ClientRequestId });
                    break;
                case "subscribe":
                    await SubscribeAsync(request).ConfigureAwait(false);
                    break;
                case "unsubscribe":
                    Unsubscribe(request);
                    break;
                case "message":
                    await StartRunAsync(request).ConfigureAwait(false);
                    break;
                case "stop":
                    Stop(request);
                    break;
                case "approval":
                    await DecideAsync(request).ConfigureAwait(false);
                    break;
                case "watch":
                    _watching = true;
                    Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId });
                    break;
                case "unwatch":
                    _watching = false;
                    Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId });
                    break;
                default:
                    SendError(request.ClientRequestId, "unknown_type", $"'{type}' is not a message type of this protocol; use hello, subscribe, unsubscribe, watch, unwatch, message, stop, approval or ping.");
                    break;
            }
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            SendError(request.ClientRequestId, mapped.Code, mapped.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebSocketLog.HandlerFailed(_logger, _id, type, ex);
            SendError(request.ClientRequestId, "internal_error", "The server failed to handle the message; see its log.");
        }
    }

    private async Task SubscribeAsync(WsClientMessage request)
    {
        if (await FindSessionAsync(request).ConfigureAwait(false) is not { } sessionId)
        {
            return;
        }

        if (request.AfterSequence is < 0)
        {
            SendError(request.ClientRequestId, "invalid_request", $"'afterSequence' must be 0 or more; got {request.AfterSequence}.");
            return;
        }

        IAgentRun? resume = null;
        if (request.RunId is { } runId)
        {
            resume = _runner.GetRun(runId);
            if (resume is null || resume.SessionId != sessionId)
            {
                SendError(request.ClientRequestId, "run_not_found", $"Run '{runId}' of session '{sessionId}' was not found; finished runs are kept for GAgent:Runs:Retention, and at most GAgent:Runs:MaxRetainedRuns of them.");
                return;
            }
        }

        if (!_subscriptions.ContainsKey(sessionId) && _subscriptions.Count >= _options.MaxSubscriptions)
        {
            SendError(request.ClientRequestId, "too_many_subscriptions", $"This socket already follows {_options.MaxSubscriptions} sessions (GAgent:WebSocket:MaxSubscriptions); unsubscribe from one first.");
            return;
        }

        var active = Subscribe(sessionId, resume, request.AfterSequence ?? 0);
        Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId, SessionId = sessionId, ActiveRunId = active?.Id });
    }

    /// <summary>(Re)subscribes, replacing an existing subscription so a client can resume on the same socket.</summary>
    private IAgentRun? Subscribe(string sessionId, IAgentRun? resume, long afterSequence)
    {
        if (_subscriptions.TryRemove(sessionId, out var previous))
        {
            previous.Dispose();
        }

        var subscription = new WebSocketSubscription(sessionId, _hub, SendEvent);
        _subscriptions[sessionId] = subscription;

        // Listening has started, so the active run looked up now cannot slip through.
        var active = _runner.GetActiveRun(sessionId);
        subscription.Start(resume ?? active, afterSequence, resume is null ? null : active);

        return active;
    }

    private void Unsubscribe(WsClientMessage request)
    {
        if (request.SessionId is not { } sessionId)
        {
            SendError(request.ClientRequestId, "invalid_request", "'sessionId' is required.");
            return;
        }

        if (_subscriptions.TryRemove(sessionId, out var subscription))
        {
            subscription.Dispose();
        }

        Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId, SessionId = sessionId });
    }

    private async Task StartRunAsync(WsClientMessage request)
    {
        if (string.IsNullOrWhiteSpace(request.Content))
        {
            SendError(request.ClientRequestId, "invalid_request", "'content' is required: the user's message text.");
            return;
        }

        if (request.Content.Length > MaxContentLength)
        {
            SendError(request.ClientRequestId, "content_too_long", $"'content' is {request.Content.Length} characters long; at most {MaxContentLength} are accepted.");
            return;
        }

        if (await FindSessionAsync(request).ConfigureAwait(false) is not { } sessionId)
        {
            return;
        }

        // Checked here for the socket's own error codes; the dispatcher passes the ids on as references.
        var (_, invalid) = await MessageAttachments.BuildAsync(request.Content, request.Attachments, _media, _maxAttachments, _finished.Token).ConfigureAwait(false);
        if (invalid is not null)
        {
            SendError(request.ClientRequestId, invalid.Status == 413 ? "too_many_attachments" : "invalid_attachment", invalid.Message);
            return;
        }

        // Sending follows the session, so the run's events reach this socket.
        if (!_subscriptions.ContainsKey(sessionId))
        {
            if (_subscriptions.Count >= _options.MaxSubscriptions)
            {
                SendError(request.ClientRequestId, "too_many_subscriptions", $"This socket already follows {_options.MaxSubscriptions} sessions (GAgent:WebSocket:MaxSubscriptions); unsubscribe from one first.");
                return;
            }

            Subscribe(sessionId, null, 0);
        }

        // The socket is a channel: its messages take the same inbound path as every channel's (allow-from, media, run).
        if (_channel.Context is not { } channel)
        {
            SendError(request.ClientRequestId, "channel_unavailable", "The websocket channel is stopped; reconnect later.");
            return;
        }

        var dispatched = await channel.DispatchAsync(
            new InboundMessage
            {
                ChannelName = WebSocketChannel.ChannelName,
                SenderId = _senderId,
                ConversationId = sessionId,
                SessionId = sessionId,
                Text = request.Content,
                MediaRefs = request.Attachments ?? [],
                ModelId = request.Model,
                DeliverReply = false,
                ClientMessageId = request.ClientRequestId,
            },
            _finished.Token).ConfigureAwait(false);
        if (!dispatched.Accepted)
        {
            SendError(request.ClientRequestId, RefusalCode(dispatched.Refusal!.Value), dispatched.RefusalMessage ?? "The message was refused.");
            return;
        }

        var run = _runner.GetRun(dispatched.RunId!);
        Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId, SessionId = sessionId, RunId = dispatched.RunId, Status = run?.Status.ToString().ToLowerInvariant() });
    }

    private static string RefusalCode(DispatchRefusal refusal) => refusal switch
    {
        DispatchRefusal.SenderNotAllowed => "sender_not_allowed",
        DispatchRefusal.SessionBusy => "session_busy",
        DispatchRefusal.TooManyRuns => "too_many_runs",
        DispatchRefusal.SessionNotFound => "session_not_found",
        _ => "channel_unavailable",
    };

    /// <summary>The channel stopped (host shutdown, or disabled): the client should reconnect later.</summary>
    public void CloseForChannelStop() => RequestClose(WebSocketCloseStatus.EndpointUnavailable, "channel stopped", dropQueued: false);

    /// <summary>Queues an outbound channel message when this socket follows its session (the conversation).</summary>
    public bool TrySendChannelMessage(OutboundMessage message)
    {
        if (!_subscriptions.ContainsKey(message.ConversationId) || Volatile.Read(ref _closeRequested) != 0)
        {
            return false;
        }

        Send(new WsServerMessage("channel_message") { SessionId = message.ConversationId, RunId = message.RunId, Text = message.Text, IsFinal = message.IsFinal });
        return true;
    }

    private void Stop(WsClientMessage request)
    {
        if (request.RunId is not { } runId || _runner.GetRun(runId) is not { } run)
        {
            SendError(request.ClientRequestId, "run_not_found", $"Run '{request.RunId}' was not found; send the 'runId' of an active run.");
            return;
        }

        // The ack is queued first: stopping can end the run at once, and its RUN_ERROR must not overtake the ack.
        Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId, SessionId = run.SessionId, RunId = run.Id });
        run.RequestStop();
    }

    /// <summary>Approves or denies an approval; when that was the last one its run waited on, the ack names the run that continues it.</summary>
    private async Task DecideAsync(WsClientMessage request)
    {
        if (!_approvals.CanDecide)
        {
            SendError(request.ClientRequestId, "insufficient_scope", "Deciding approvals needs the 'admin' scope; this key (or the key that issued the token) lacks it.");
            return;
        }

        if (!ApprovalIds.IsValidApprovalId(request.Id))
        {
            SendError(request.ClientRequestId, "invalid_request", $"'id' must be an approval id ('apv_' and 32 lowercase hex characters); got '{request.Id}'.");
            return;
        }

        if (request.Decision is not ("approve" or "deny"))
        {
            SendError(request.ClientRequestId, "invalid_request", $"'decision' must be 'approve' or 'deny'; got '{request.Decision}'.");
            return;
        }

        var scope = ApprovalScope.Once;
        if (request.Scope is not null && !ApprovalView.TryParseScope(request.Scope, out scope))
        {
            SendError(request.ClientRequestId, "invalid_request", $"'scope' must be once, session or always; got '{request.Scope}'.");
            return;
        }

        if (request.Reason is { Length: > ApprovalEndpoints.MaxReasonLength })
        {
            SendError(request.ClientRequestId, "invalid_request", $"'reason' is {request.Reason.Length} characters long; at most {ApprovalEndpoints.MaxReasonLength} are accepted.");
            return;
        }

        if (await _approvals.Store.GetAsync(request.Id!, _finished.Token).ConfigureAwait(false) is not { } approval)
        {
            SendError(request.ClientRequestId, "approval_not_found", $"Approval '{request.Id}' was not found; GET /api/approvals lists them.");
            return;
        }

        // Deciding follows the session (when it is a stored one), so the continuation's events reach this socket.
        if (!_subscriptions.ContainsKey(approval.SessionId) && _subscriptions.Count < _options.MaxSubscriptions
            && await _sessions.GetAsync(approval.SessionId, _finished.Token).ConfigureAwait(false) is not null)
        {
            Subscribe(approval.SessionId, null, 0);
        }

        var decided = await _approvals.Service.DecideAsync(approval.Id, request.Decision == "approve", scope, request.Reason, _finished.Token).ConfigureAwait(false);
        Send(new WsServerMessage("ack") { ClientRequestId = request.ClientRequestId, SessionId = decided.SessionId, RunId = decided.ContinuationRunId, Status = ApprovalView.Name(decided.Status) });
    }

    private async Task<string?> FindSessionAsync(WsClientMessage request)
    {
        if (!SessionIds.IsValid(request.SessionId))
        {
            SendError(request.ClientRequestId, "invalid_request", $"'sessionId' must be 1 to {SessionIds.MaxLength} characters of letters, digits, '-' and '_'.");
            return null;
        }

        if (await _sessions.GetAsync(request.SessionId!, _finished.Token).ConfigureAwait(false) is null)
        {
            SendError(request.ClientRequestId, "session_not_found", $"Session '{request.SessionId}' was not found; create it with POST /api/sessions.");
            return null;
        }

        return request.SessionId;
    }

    private void SendEvent(AgentEvent agentEvent) => Enqueue(agentEvent);

    /// <summary>State changes of followed sessions, and global ones (sessions list, profiles, routines), as <c>CUSTOM</c> events.</summary>
    private void OnNotification(GAgentNotification notification)
    {
        // Global changes go only to sockets that asked (a control room's lists): broadcasting them to every socket
        // would cost each run one message per open socket.
        if (notification.SessionId is { } sessionId ? !_subscriptions.ContainsKey(sessionId) : !_watching)
        {
            return;
        }

        Enqueue(notification);
    }

    private void SendError(string? clientRequestId, string code, string message)
        => Send(new WsServerMessage("error") { ClientRequestId = clientRequestId, Code = code, Message = message });

    private void Send(WsServerMessage message) => Enqueue(JsonSerializer.SerializeToUtf8Bytes(message, Json.WsServerMessage));

    private void Enqueue(object payload)
    {
        if (!_outbox.Writer.TryWrite(payload) && Volatile.Read(ref _closeRequested) == 0)
        {
            WebSocketLog.SlowConsumer(_logger, _id, _options.SendQueueCapacity);
            RequestClose(WebSocketCloseStatus.PolicyViolation, "send queue full: the client reads too slowly", dropQueued: true);
        }
    }

    /// <summary>
    /// Ends the connection: the send loop sends what is queued (or, for a slow consumer, drops it so the close frame
    /// goes out next), then the close frame. A peer that does not complete the close handshake in time is aborted.
    /// </summary>
    private void RequestClose(WebSocketCloseStatus status, string description, bool dropQueued)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        _closeStatus = status;
        _closeDescription = description;
        WebSocketLog.Closing(_logger, _id, description.Length == 0 ? "normal closure" : description);
        _outbox.Writer.TryComplete();
        if (dropQueued)
        {
            while (_outbox.Reader.TryRead(out _))
            {
            }
        }

        _ = AbortAfterGraceAsync();
    }

    private async Task AbortAfterGraceAsync()
    {
        try
        {
            await Task.Delay(CloseGrace, _finished.Token).ConfigureAwait(false);
            _socket.Abort();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended in time.
        }
    }

    /// <summary>The bytes of one outgoing message; events are written into the reused frame buffer (only the send loop calls this).</summary>
    private ReadOnlyMemory<byte> Frame(object item)
    {
        if (item is byte[] bytes)
        {
            return bytes;
        }

        _frame.ResetWrittenCount();
        if (item is AgentEvent agentEvent)
        {
            _events.Write(_frame, agentEvent);
        }
        else
        {
            _events.WriteNotification(_frame, (GAgentNotification)item);
        }

        return _frame.WrittenMemory;
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await _socket.SendAsync(Frame(item), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus, _closeDescription, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the socket was aborted; nothing more can be sent.
        }
    }
}
