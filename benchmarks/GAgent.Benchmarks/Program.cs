using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/GAgent.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for the switcher.</summary>
internal static partial class Program;
