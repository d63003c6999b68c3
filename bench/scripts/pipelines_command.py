"""The `pipelines` command the job benches run (automl_time.py and automl_memory.py): one definition of the --cli
option and of building first, so no timed or measured run pays for a build."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def add_option(parser):
    parser.add_argument("--cli", help="the command to run instead of ./pipelines, e.g. 'dotnet /tmp/cli/Pipelines.Cli.dll'")


def built(cli):
    """The command as an argument list, after running it once (./pipelines builds when a source changed); exits with
    its error output when it cannot run."""
    command = cli.split() if cli else [os.path.join(ROOT, "pipelines")]
    run = subprocess.run([*command, "--help"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    return command
