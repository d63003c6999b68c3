using Npgsql;
using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Tests.Store;

/// <summary>PostgreSQL locations: URL parts, PG* environment variables, defaults, and a password that never shows.</summary>
[TestClass]
public sealed class PostgresLocationTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [TestMethod]
    public void A_full_url_gives_every_part()
    {
        var location = PostgresLocation.Parse("postgresql://ana:p%40ss%3Aw0rd@db.example:6543/trials?sslmode=require&application_name=sweeps&connect_timeout=7", Environment());

        Assert.AreEqual(("db.example", 6543, "trials", "ana"), (location.Host, location.Port, location.Database, location.User));
        var builder = location.Builder;
        Assert.AreEqual("p@ss:w0rd", builder.Password, "user info is percent-decoded");
        Assert.AreEqual(SslMode.Require, builder.SslMode);
        Assert.AreEqual("sweeps", builder.ApplicationName);
        Assert.AreEqual(7, builder.Timeout);
        Assert.IsFalse(builder.PersistSecurityInfo);
        Assert.AreEqual("postgresql://ana@db.example:6543/trials", location.ToString());
    }

    [TestMethod]
    public void Environment_variables_fill_only_what_the_url_leaves_out()
    {
        var environment = Environment(("PGHOST", "envhost"), ("PGPORT", "5999"), ("PGUSER", "envuser"), ("PGPASSWORD", "envsecret"),
            ("PGDATABASE", "envdb"), ("PGSSLMODE", "disable"), ("PGAPPNAME", "envapp"));

        var all = PostgresLocation.Parse("postgresql://", environment);
        Assert.AreEqual(("envhost", 5999, "envdb", "envuser"), (all.Host, all.Port, all.Database, all.User));
        Assert.AreEqual(("envsecret", SslMode.Disable, "envapp"), (all.Builder.Password, all.Builder.SslMode, all.Builder.ApplicationName));
        Assert.IsTrue(all.HasPassword);

        var some = PostgresLocation.Parse("postgres://urluser@urlhost/urldb", environment);
        Assert.AreEqual(("urlhost", 5999, "urldb", "urluser"), (some.Host, some.Port, some.Database, some.User));
        Assert.AreEqual("envsecret", some.Builder.Password);
    }

    [TestMethod]
    public void Without_url_or_environment_libpq_defaults_apply()
    {
        var location = PostgresLocation.Parse("postgresql://", Environment());
        Assert.AreEqual(("localhost", 5432, System.Environment.UserName, System.Environment.UserName),
            (location.Host, location.Port, location.Database, location.User));
        Assert.IsFalse(location.HasPassword);
        Assert.IsNull(location.Builder.Password);
    }

    [TestMethod]
    public void Socket_folders_ipv6_hosts_and_query_settings_are_understood()
    {
        var socket = PostgresLocation.Parse("postgresql:///trials?host=/tmp/pg%20sock&port=5433&user=u&search_path=sweeps", Environment());
        Assert.AreEqual(("/tmp/pg sock", 5433, "trials", "u"), (socket.Host, socket.Port, socket.Database, socket.User));
        Assert.AreEqual("sweeps", socket.Builder.SearchPath);

        var socketInHost = PostgresLocation.Parse("postgresql://u@%2Fvar%2Frun%2Fpostgresql/db", Environment());
        Assert.AreEqual("/var/run/postgresql", socketInHost.Host);

        var v6 = PostgresLocation.Parse("postgresql://u@[::1]:5434/db", Environment());
        Assert.AreEqual(("::1", 5434), (v6.Host, v6.Port));
        Assert.AreEqual("postgresql://u@[::1]:5434/db", v6.ToString());
    }

    [TestMethod]
    public void Bad_settings_are_refused_without_showing_the_password()
    {
        string Refusal(string url) => Assert.ThrowsExactly<TrialStoreException>(() => PostgresLocation.Parse(url, Environment())).Message;

        var unknown = Refusal("postgresql://u:topsecret@h/db?passwrd=topsecret2");
        StringAssert.Contains(unknown, "unknown setting 'passwrd'");
        StringAssert.Contains(unknown, "sslmode");
        StringAssert.Contains(unknown, "postgresql://u@h/db?...");
        Assert.DoesNotContain("topsecret", unknown);

        var port = Refusal("postgresql://u:topsecret@h:99999/db");
        StringAssert.Contains(port, "port '99999'");
        Assert.DoesNotContain("topsecret", port);

        StringAssert.Contains(Refusal("postgresql://u:topsecret@h/db?sslmode=sometimes"), "sslmode 'sometimes'");
        StringAssert.Contains(Refusal("postgresql://u@[::1/db"), "no closing ']'");
    }

    [TestMethod]
    public void Scrub_hides_the_password_wherever_it_appears()
    {
        var location = PostgresLocation.Parse("postgresql://u:hunter2@h/db", Environment());
        Assert.AreEqual("auth for *** failed (***)", location.Scrub("auth for hunter2 failed (hunter2)"));
        Assert.AreEqual("nothing to hide", PostgresLocation.Parse("postgresql://u@h/db", Environment()).Scrub("nothing to hide"));
    }

    [TestMethod]
    public void Only_postgres_schemes_are_postgres_locations()
    {
        Assert.IsTrue(PostgresLocation.IsPostgres("postgresql://h/db"));
        Assert.IsTrue(PostgresLocation.IsPostgres("  POSTGRES://h/db"));
        Assert.IsFalse(PostgresLocation.IsPostgres("sqlite:trials.db"));
        Assert.IsFalse(PostgresLocation.IsPostgres("postgresql.db"));
    }
}
