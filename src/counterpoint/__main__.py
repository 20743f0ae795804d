from counterpoint.cli import app

app(prog_name="counterpoint")
