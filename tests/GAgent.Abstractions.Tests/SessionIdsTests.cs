using GAgent.Sessions;

namespace GAgent.Abstractions.Tests;

public sealed class SessionIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("abc-DEF_123")]
    [InlineData("0198f3a2c4b07c1e9f0a1b2c3d4e5f60")]
    public void Accepts_letters_digits_dash_underscore(string id) => Assert.True(SessionIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("é")]
    public void Rejects_path_and_unsafe_characters(string? id)
    {
        Assert.False(SessionIds.IsValid(id));
        var ex = Assert.Throws<ArgumentException>(() => SessionIds.Validate(id));
        Assert.Contains("letters, digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ids_longer_than_the_maximum()
    {
        Assert.True(SessionIds.IsValid(new string('a', SessionIds.MaxLength)));
        Assert.False(SessionIds.IsValid(new string('a', SessionIds.MaxLength + 1)));
    }

    [Fact]
    public void New_ids_are_valid_unique_and_time_ordered()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => SessionIds.New()).ToList();
        Assert.All(ids, id => Assert.True(SessionIds.IsValid(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
