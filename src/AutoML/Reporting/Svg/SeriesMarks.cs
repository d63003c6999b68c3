using System.Text;

namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>Draws one <see cref="XySeries"/> in pixel space: a path for lines and steps, circles for dots.</summary>
internal static class SeriesMarks
{
    /// <summary>Lines drop points closer than this to the last kept one (in pixels): long curves stay small and look the same.</summary>
    private const double MinStep = 0.75;

    /// <summary>Dots beyond this many get no tooltip, to keep the file small.</summary>
    private const int MaxTooltips = 2000;

    public static void Draw(SvgWriter svg, XySeries series, LinearScale x, LinearScale y)
    {
        var pixels = new List<(double X, double Y, int Index)>(series.Points.Count);
        for (var i = 0; i < series.Points.Count; i++)
        {
            var (px, py) = series.Points[i];
            if (double.IsFinite(px) && double.IsFinite(py)) pixels.Add((x.Map(px), y.Map(py), i));
        }
        if (pixels.Count == 0) return;
        if (series.Kind == SeriesKind.Dots)
        {
            var tips = series.Tooltips is not null && pixels.Count <= MaxTooltips;
            foreach (var (px, py, i) in pixels)
                svg.Circle(px, py, 3.5, series.Color, tips ? series.Tooltips![i] : "", "fill-opacity=\"0.7\"");
            return;
        }
        svg.Path(PathData(pixels, series.Kind == SeriesKind.Step), series.Color, 2, dashed: series.Reference,
            tooltip: series.Reference ? null : series.Name ?? "");
    }

    private static string PathData(List<(double X, double Y, int Index)> pixels, bool step)
    {
        var data = new StringBuilder();
        var (lastX, lastY) = (pixels[0].X, pixels[0].Y);
        data.Append('M').Append(Format.Coord(lastX)).Append(' ').Append(Format.Coord(lastY));
        for (var i = 1; i < pixels.Count; i++)
        {
            var (px, py, _) = pixels[i];
            var isLast = i == pixels.Count - 1;
            if (!isLast && Math.Abs(px - lastX) < MinStep && Math.Abs(py - lastY) < MinStep) continue;
            if (step) data.Append('H').Append(Format.Coord(px)).Append('V').Append(Format.Coord(py));
            else data.Append('L').Append(Format.Coord(px)).Append(' ').Append(Format.Coord(py));
            (lastX, lastY) = (px, py);
        }
        if (pixels.Count == 1) data.Append('h').Append("0.01");  // a single point still shows with round caps
        return data.ToString();
    }
}
