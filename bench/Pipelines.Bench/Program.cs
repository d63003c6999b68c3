using Pipelines.Bench;

var benches = typeof(IBench).Assembly.GetTypes()
    .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (IBench)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benches.Find(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Pipelines.Bench -- NAME [ARGS]");
    foreach (var b in benches) Console.WriteLine($"  {b.Name,-16} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
try
{
    return chosen.Run(args[1..]);
}
catch (BenchUsageException e)
{
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    return 2;
}
