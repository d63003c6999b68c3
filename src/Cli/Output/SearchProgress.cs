using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Job;
using Pipelines.AutoML.Store;
using Spectre.Console;

namespace Pipelines.Cli.Output;

/// <summary>
/// Prints an AutoML job's progress: the phase, trials done, best score so far and time left. On a terminal one live
/// status line is redrawn, with a line kept for each new best; in plain mode (CI=true or redirected) one line per
/// phase and per finished trial, so logs read top to bottom, and a line for each trial started before the first one
/// ends (a slow first trial on wide data shows what is running). A trial is a new best only when it set the study's
/// best, not when it is the first to end after a resume replayed better ones.
/// </summary>
internal sealed class SearchProgress(Terminal terminal, string metric)
{
    private readonly object _gate = new();
    private double? _best;
    private bool _anyEnded;
    private string _status = "starting";

    /// <summary>
    /// Runs <paramref name="job"/> with this progress as its event handler: under a live status line (spinner, phase,
    /// trials, best score, time left) on a terminal, plain lines otherwise.
    /// </summary>
    public T Run<T>(Func<Action<ExperimentEvent>, T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!terminal.IsRich) return job(On);
        return terminal.Console.Status().Spinner(Spinner.Known.Dots).Start("starting", status => job(e =>
        {
            On(e);
            status.Status(Markup.Escape(Status));
        }));
    }

    /// <summary>Handles one event (called on the job's thread).</summary>
    public void On(ExperimentEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case JobStep step:
                    _status = $"{step.Phase}: {step.Detail}";
                    Line($"[{Clock(step.Elapsed)}] {step.Phase}: {step.Detail}");
                    break;
                case PhaseStarted phase:
                    _status = phase.Phase.ToString().ToLowerInvariant();
                    Line($"[{Clock(phase.Elapsed)}] {_status}");
                    break;
                case ValidationNarrowed narrowed:
                    Line($"[{Clock(narrowed.Elapsed)}] validation: {narrowed.Detail}");
                    break;
                case TrialStarted started when !_anyEnded:
                    _status = $"searching: trial {started.Id} ({started.Learner}) running";
                    if (!terminal.IsRich) Line($"[{Clock(started.Elapsed)}] trial {started.Id,3} {started.Learner,-14} started");
                    break;
                case TrialEnded ended:
                    _anyEnded = true;
                    Trial(ended);
                    break;
            }
        }
    }

    /// <summary>The live status text, for the rich display.</summary>
    public string Status
    {
        get
        {
            lock (_gate) return _status;
        }
    }

    private void Trial(TrialEnded e)
    {
        var t = e.Trial;
        var improved = t.Status == TrialStatus.Succeeded && e.BestScore is { } best && best != _best && t.Score == best;
        _best = e.BestScore;
        var left = e.Remaining is { } r ? $", {Math.Max(0, r.TotalSeconds):0}s left" : "";
        _status = $"searching: {e.TrialsDone} trials, best {metric} {Format(e.BestScore)}{left}";
        var outcome = t.Status == TrialStatus.Succeeded ? $"{metric} {Format(t.Score)}{(e.Note is { } note ? $" on {note}" : "")}" : $"{t.Status.ToString().ToLowerInvariant()}: {t.Error}";
        if (!terminal.IsRich || improved)
            Line($"[{Clock(e.Elapsed)}] trial {t.Id,3} {t.Learner,-14} {outcome} ({t.Seconds:0.0}s){(improved ? "  new best" : "")}{left}");
    }

    private void Line(string text)
    {
        if (terminal.IsRich) terminal.Console.MarkupLine(Markup.Escape(text));
        else terminal.Console.Profile.Out.Writer.WriteLine(text);
    }

    private static string Format(double? value) => value is double v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Clock(TimeSpan elapsed) => elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
