namespace GAgent.PublicApi.Tests.Samples;

public interface ISampleStore<in TKey, TValue>
    where TKey : notnull
    where TValue : class, new()
{
    TValue? Find(TKey key);

    Task<IReadOnlyList<TValue>> ListAsync(int limit = 10, CancellationToken cancellationToken = default);
}
