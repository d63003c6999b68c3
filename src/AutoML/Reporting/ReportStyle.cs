namespace Pipelines.AutoML.Reporting;

/// <summary>The report's one inline style sheet: a calm, print-friendly layout with system fonts (nothing is fetched).</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1f2328; --muted: #5f6670; --line: #e3e6ea; --accent: #4e79a7; --bg: #f5f6f8; --card: #ffffff; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--ink);
               font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
        header.top { background: #24292f; color: #fff; padding: 28px 0 22px; }
        header.top h1 { margin: 0 0 6px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
        header.top .meta { color: #c9d1d9; font-size: 14px; }
        header.top .meta span + span::before { content: "\00b7"; margin: 0 8px; color: #8b949e; }
        .wrap { max-width: 1160px; margin: 0 auto; padding: 0 24px; }
        nav.toc { margin: 18px 0 0; display: flex; flex-wrap: wrap; gap: 6px 8px; }
        nav.toc a { color: #c9d1d9; text-decoration: none; font-size: 13px; padding: 3px 10px; border: 1px solid #444c56; border-radius: 999px; }
        nav.toc a:hover { color: #fff; border-color: #8b949e; }
        main.wrap { padding-top: 22px; padding-bottom: 20px; }
        section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px 22px; margin: 0 0 20px; }
        h2 { margin: 0 0 10px; font-size: 19px; font-weight: 650; }
        h2::before { content: ""; display: inline-block; width: 4px; height: 17px; background: var(--accent); border-radius: 2px; margin-right: 10px; vertical-align: -2px; }
        h3 { margin: 18px 0 8px; font-size: 15px; font-weight: 650; }
        p { margin: 6px 0 12px; }
        p.lead { color: var(--ink); font-size: 15.5px; }
        p.note, .muted { color: var(--muted); font-size: 13.5px; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; margin: 4px 0 8px; }
        .tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: #fafbfc; }
        .tile-label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: 0.04em; }
        .tile-value { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .table-wrap { overflow-x: auto; margin: 6px 0 12px; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; position: relative; }
        th { font-weight: 600; color: var(--muted); background: #fafbfc; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fcfcfd; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.params { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; color: #3d434a; overflow-wrap: anywhere; }
        td.strong { font-weight: 600; }
        tr.best td { background: #eef4fb !important; font-weight: 600; }
        td .bar { position: absolute; left: 0; top: 3px; bottom: 3px; background: #e15759; opacity: 0.16; border-radius: 0 3px 3px 0; }
        .tag { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 4px; background: #eef1f4; color: #3d434a; margin-right: 4px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px 24px; align-items: start; }
        .grid.small { grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); }
        figure { margin: 8px 0 6px; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
        svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
        svg.chart .tick { font-size: 12px; fill: #5f6670; }
        svg.chart .axis-title { font-size: 12.5px; fill: #33363b; font-weight: 600; }
        svg.chart .legend { font-size: 12px; fill: #33363b; }
        svg.chart .value { font-size: 11px; fill: #33363b; }
        svg.chart .callout { font-size: 12.5px; font-weight: 700; fill: #d62728; }
        svg.chart .value, svg.chart .callout { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
        svg.chart .cell { font-size: 13px; font-weight: 650; }
        svg.chart .cell-note { font-size: 10.5px; }
        ul, ol { margin: 4px 0 12px; padding-left: 22px; }
        li { margin: 2px 0; }
        footer { color: var(--muted); font-size: 12.5px; padding: 0 0 30px; }
        @media print {
          body { background: #fff; }
          header.top { background: #fff; color: var(--ink); padding: 0 0 10px; }
          header.top .meta, nav.toc a { color: var(--muted); }
          section { break-inside: avoid; border: none; padding: 8px 0; }
        }
        """;
}
