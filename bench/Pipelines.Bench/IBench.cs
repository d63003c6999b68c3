namespace Pipelines.Bench;

/// <summary>
/// A whole-run benchmark: measures ours next to a peer in the same process run and prints both
/// with their ratio. Found by reflection; run with `dotnet run -c Release --project bench/Pipelines.Bench -- NAME`.
/// </summary>
public interface IBench
{
    /// <summary>Short name used on the command line.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the benchmark; <paramref name="args"/> are the arguments after the name.</summary>
    int Run(string[] args);
}
