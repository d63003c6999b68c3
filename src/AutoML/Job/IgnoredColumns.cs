using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.AutoML.Job;

/// <summary>The columns a job or a sweep leaves out (<c>--ignore</c>, <see cref="AutoMLJobOptions.Ignore"/>), checked against the file's.</summary>
public static class IgnoredColumns
{
    /// <summary>
    /// <paramref name="data"/> without the <paramref name="ignore"/>d columns (and a date column's parts by its name);
    /// a name the file lacks, or the label, is an error naming what the file has.
    /// </summary>
    public static DataFrame Drop(DataFrame data, IReadOnlyList<string> ignore, string path)
    {
        var dropped = new List<string>();
        foreach (var name in ignore)
        {
            if (name == data.LabelName)
                throw new PipelineException($"--ignore names the label '{name}'; the label is what the job learns to predict. Leave it out of --ignore.");
            // A column of that name is the one meant (a date column kept as written has no parts); else its date parts.
            List<string> columns = data.Contains(name) ? [name] : [.. data.Names.Where(c => CsvOptions.DateColumnOf(c) == name)];
            if (columns.Count == 0)
            {
                string[] names = [.. data.Names];
                throw new PipelineException($"--ignore names '{name}', but {Path.GetFileName(path)} has no such column. " +
                    (ColumnNameHints.Nearest(names, name) is { } near
                        ? $"The header has '{near}' (names are matched exactly, case included): use that name."
                        : $"Its columns: {ColumnNameHints.List(names)}."));
            }
            dropped.AddRange(columns);
        }
        return data.Without(dropped.Distinct());
    }
}
