using GAgent.Providers.OpenAI;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIErrorParsingTests
{
    [Fact]
    public void The_openai_envelope_is_read()
    {
        var error = OpenAIErrorTranslator.ParseError(BinaryData.FromString("""{"error":{"message":"Bad key","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"""));

        Assert.Equal(new ProviderError("Bad key", "invalid_request_error", "invalid_api_key"), error);
    }

    [Fact]
    public void A_string_error_is_read()
    {
        var error = OpenAIErrorTranslator.ParseError(BinaryData.FromString("""{"error":"model 'llama9' not found"}"""));

        Assert.Equal("model 'llama9' not found", error.Message);
        Assert.Null(error.Code);
    }

    [Fact]
    public void A_top_level_error_with_a_numeric_code_is_read()
    {
        var error = OpenAIErrorTranslator.ParseError(BinaryData.FromString("""{"object":"error","message":"Context too long","type":"BadRequestError","code":400}"""));

        Assert.Equal(new ProviderError("Context too long", "BadRequestError", "400"), error);
    }

    [Fact]
    public void A_long_non_json_body_is_truncated()
    {
        var error = OpenAIErrorTranslator.ParseError(BinaryData.FromString("<html>" + new string('x', 1000) + "</html>"));

        Assert.NotNull(error.Message);
        Assert.True(error.Message.Length <= 303);
        Assert.EndsWith("...", error.Message, StringComparison.Ordinal);
    }
}
