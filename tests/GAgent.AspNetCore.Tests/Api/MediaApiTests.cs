using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Media;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class MediaApiTests
{
    private const string AdminKey = "admin-key-0123456789abcdef0123456789abcdef";

    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3, 4, 5, 6, 7, 8];

    internal static MultipartFormDataContent Form(params (string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, bytes, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "files", fileName);
        }

        return form;
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    internal static async Task<JsonElement> UploadAsync(HttpClient client, params (string FileName, byte[] Bytes, string ContentType)[] files)
    {
        using var form = Form(files);
        using var response = await client.PostAsync("/api/media", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Uploads_several_files_with_sniffed_types_dedupes_and_serves_them_through_signed_urls()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var body = await UploadAsync(host.Client,
            ("photo.png", s_png, "text/plain"),
            ("notes.md", Utf8("# Notes\nhello"), "application/octet-stream"),
            ("../../evil name.csv", Utf8("a,b\n1,2\n"), "text/csv"));
        var items = body.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.Equal("image/png", items[0].GetProperty("mediaType").GetString());
        Assert.Equal(s_png.Length, items[0].GetProperty("size").GetInt64());
        Assert.Equal("text/markdown", items[1].GetProperty("mediaType").GetString());
        Assert.Equal("evil name.csv", items[2].GetProperty("fileName").GetString());
        var id = items[0].GetProperty("id").GetString()!;
        Assert.Equal(id, items[0].GetProperty("sha256").GetString());
        var url = items[0].GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/media/{id}?exp=", url, StringComparison.Ordinal);

        var again = await UploadAsync(host.Client, ("copy.png", s_png, "image/png"));
        Assert.Equal(id, again.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(3, Directory.GetFiles(Path.Join(host.DataDirectory, "media"), "*.json").Length);

        using var image = await host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(s_png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", image.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("photo.png", image.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"\"{id}\"", image.Headers.ETag?.Tag);
        Assert.True(image.Headers.CacheControl?.Private);
        Assert.InRange(image.Headers.CacheControl!.MaxAge!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        using var text = await host.Client.GetAsync(items[2].GetProperty("url").GetString());
        Assert.Equal("attachment", text.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("evil name.csv", text.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("text/csv", text.Content.Headers.ContentType?.MediaType);

        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(2, 5);
        using var partial = await host.Client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(s_png[2..6], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Missing_tampered_and_expired_signatures_are_refused()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var item = (await UploadAsync(host.Client, ("a.png", s_png, "image/png"))).GetProperty("items")[0];
        var id = item.GetProperty("id").GetString()!;
        var url = item.GetProperty("url").GetString()!;

        using var unsigned = await host.Client.GetAsync($"/api/media/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        using var tampered = await host.Client.GetAsync(url[..^2] + (url[^2] == 'A' ? "B" : "A") + url[^1]);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(host.BaseAddress, url).Query);
        var later = long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture) + 10;
        using var longer = await host.Client.GetAsync($"/api/media/{id}?exp={later}&sig={query["sig"]}");
        Assert.Equal(HttpStatusCode.Forbidden, longer.StatusCode);
        using var traversal = await host.Client.GetAsync($"/api/media/..%2F..%2Fkeys%2Fmedia-signing.key?exp={later}&sig={query["sig"]}");
        Assert.True(traversal.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);

        var signer = host.Services.GetRequiredService<MediaUrlSigner>();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        using var expired = await host.Client.GetAsync($"/api/media/{id}?exp={past}&sig={signer.Sign(id, past)}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var unknown = new string('0', 64);
        var future = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        using var missing = await host.Client.GetAsync($"/api/media/{unknown}?exp={future}&sig={signer.Sign(unknown, future)}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Caps_answer_413_naming_the_cap_and_store_nothing()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GAgent:Media:MaxFileBytes"] = "100",
            ["GAgent:Media:MaxRequestBytes"] = "150",
            ["GAgent:Media:MaxFiles"] = "2",
        });

        async Task AssertTooLarge(string cap, params (string, byte[], string)[] files)
        {
            using var form = Form(files);
            using var response = await host.Client.PostAsync("/api/media", form);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await ProblemAsync(response);
            Assert.Equal(cap, problem.GetProperty("param").GetString());
            Assert.Contains(cap, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await AssertTooLarge("MaxFileBytes", ("big.txt", Utf8(new string('x', 101)), "text/plain"));
        await AssertTooLarge("MaxRequestBytes", ("a.txt", Utf8(new string('a', 80)), "text/plain"), ("b.txt", Utf8(new string('b', 80)), "text/plain"));
        await AssertTooLarge("MaxFiles", ("a.txt", Utf8("a"), "text/plain"), ("b.txt", Utf8("b"), "text/plain"), ("c.txt", Utf8("c"), "text/plain"));
        Assert.False(Directory.Exists(Path.Join(host.DataDirectory, "media")) && Directory.EnumerateFileSystemEntries(Path.Join(host.DataDirectory, "media")).Any());
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image.png", "image/svg+xml")]
    [InlineData("<!doctype html><script>alert(1)</script>", "page.txt", "text/html")]
    [InlineData("MZ\u0090\u0000", "setup.pdf", "application/x-msdownload")]
    public async Task Disallowed_types_are_refused_naming_the_type_and_nothing_is_stored(string content, string fileName, string sniffed)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var form = Form(("ok.png", s_png, "image/png"), (fileName, Utf8(content), "image/png"));
        using var response = await host.Client.PostAsync("/api/media", form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = (await ProblemAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains(sniffed, detail, StringComparison.Ordinal);
        Assert.Contains("image/png", detail, StringComparison.Ordinal);
        var media = Path.Join(host.DataDirectory, "media");
        Assert.False(Directory.Exists(media) && Directory.EnumerateFileSystemEntries(media).Any());
    }

    [Fact]
    public async Task Non_multipart_is_415_and_no_files_is_400()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var json = await host.Client.PostAsync("/api/media", JsonContent.Create(new { file = "x" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using var empty = new MultipartFormDataContent { { new StringContent("value"), "field" } };
        using var none = await host.Client.PostAsync("/api/media", empty);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("files", (await ProblemAsync(none)).GetProperty("param").GetString());
    }

    [Fact]
    public async Task With_api_keys_the_upload_needs_a_key_but_the_signed_url_does_not()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:ApiKeys:0:Key"] = AdminKey });
        using (var form = Form(("a.png", s_png, "image/png")))
        {
            using var anonymous = await host.Client.PostAsync("/api/media", form);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var upload = GAgentTestHost.Request(HttpMethod.Post, "/api/media", bearer: AdminKey);
        upload.Content = Form(("a.png", s_png, "image/png"));
        using var created = await host.Client.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("url").GetString();

        using var browser = await host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Equal(s_png, await browser.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Signed_urls_include_the_prefix_and_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string url;
            await using (var host = await GAgentTestHost.StartAsync(dataDirectory: directory, prefix: "/agent"))
            {
                using var form = Form(("a.png", s_png, "image/png"));
                using var response = await host.Client.PostAsync("/agent/api/media", form);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("url").GetString()!;
                Assert.StartsWith("/agent/api/media/", url, StringComparison.Ordinal);
            }

            await using var restarted = await GAgentTestHost.StartAsync(dataDirectory: directory, prefix: "/agent");
            using var image = await restarted.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Deleting_a_session_keeps_its_media_and_invalid_caps_stop_the_host()
    {
        await using (var host = await GAgentTestHost.StartAsync())
        {
            var url = (await UploadAsync(host.Client, ("a.png", s_png, "image/png"))).GetProperty("items")[0].GetProperty("url").GetString();
            using var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "gone" }));
            using var deleted = await host.Client.DeleteAsync("/api/sessions/gone");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            using var image = await host.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Media:MaxFiles"] = "0" }));
        Assert.Contains("MaxFiles", error.Message, StringComparison.Ordinal);
    }
}
