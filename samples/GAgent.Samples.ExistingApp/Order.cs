namespace GAgent.Samples.ExistingApp;

/// <summary>The app's own data, to show GAgent living beside existing endpoints.</summary>
internal sealed record Order(int Id, string Item, string Owner);
