using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>Commands on one connection, enlisted in the current transaction when there is one.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Create(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
