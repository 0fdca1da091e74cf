using System.Net.ServerSentEvents;
using System.Text.Json;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>Reads a Server-Sent Events response with the framework's parser.</summary>
public static class SseEvents
{
    public static async Task<List<SseItem<string>>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var items = new List<SseItem<string>>();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public static List<JsonElement> Json(IEnumerable<SseItem<string>> items) => [.. items.Select(static i => JsonDocument.Parse(i.Data).RootElement.Clone())];

    public static string Type(this JsonElement element) => element.GetProperty("type").GetString()!;
}
