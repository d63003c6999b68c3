using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Pipelines.Tests;

namespace Pipelines.Cli.Tests.Postgres;

/// <summary>
/// One throwaway PostgreSQL server for the test run, started by setup-postgres.sh on a free loopback port in a temp
/// folder and stopped when the test process exits. Debian's postgresql package is required first
/// (<see cref="DebianPackages.Require"/>: installed as root, else every test that asks for the server is Inconclusive).
/// Logins over TCP need the password, which is random per run. When the installed server cannot be set up, every test
/// that asks for it fails with the script's output; none passes without it.
/// </summary>
internal sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string folder, int port, string password)
    {
        Folder = folder;
        Port = port;
        Password = password;
    }

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The password of user "pipelines"; must never show in any output.</summary>
    public string Password { get; }

    /// <summary>The location of <paramref name="database"/> without the password (give it through PGPASSWORD).</summary>
    public string Url(string database) => $"postgresql://pipelines@127.0.0.1:{Port}/{database}";

    /// <summary>The location of <paramref name="database"/> with the password in the URL.</summary>
    public string UrlWithPassword(string database) => $"postgresql://pipelines:{Uri.EscapeDataString(Password)}@127.0.0.1:{Port}/{database}";

    /// <summary>A new empty database for one test, so tests never see each other's tables.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        // An identifier cannot be a parameter; the name is generated here from hex digits only.
        Execute("trials", $"CREATE DATABASE {name};");
        return name;
    }

    /// <summary>Runs <paramref name="sql"/> (the test's own statements) in <paramref name="database"/>; returns the first value.</summary>
    public object? Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "pipelines", Password = Password, Database = database, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static PostgresServer Start()
    {
        DebianPackages.Require("postgresql");
        var folder = Path.Combine(Path.GetTempPath(), $"pipelines-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var (code, output) = RunScript(password, "start", folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0 || !output.Contains("ready", StringComparison.Ordinal))
        {
            RunScript(password, "stop", folder);
            throw new InvalidOperationException(
                $"PostgreSQL could not be set up for the tests (setup-postgres.sh exited with {code}):\n{output}");
        }
        var server = new PostgresServer(folder, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScript(password, "stop", folder);
        return server;
    }

    private static (int Code, string Output) RunScript(string password, params string[] arguments)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "Cli.Tests", "Postgres", "setup-postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PIPELINES_PG_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output + error.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
