"""The command line: ``elevator-eval`` and ``python -m elevator_eval``.

With no subcommand it opens the desktop app (on the bundled sample project when no project
is given). With a subcommand it runs headless per ``spec/unit-format.md`` §2:

- exit 0 on success;
- exit 2 on bad input, with a one-line reason on stderr that names the field;
- never a traceback.

Each subcommand lives in :mod:`elevator_eval.commands` as a module with
``add_arguments(parser)`` and ``run(args) -> CommandResult``; this module only parses,
dispatches, prints and maps errors to exit codes.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import InputError, NotBuiltError, ProjectFileError

# name -> one-line help (Chinese / English)
COMMANDS: dict[str, str] = {
    "assess": "适宜性评估（适合/较难/不适合）；项目不带 --unit 时输出街道普查 / suitability, or the "
    "census of a project",
    "consent": "业主表决统计（民法典第278条）/ consent tally",
    "share": "费用分摊 / cost sharing per household",
    "report": "生成 PDF 文件（方案书、征询表、公示、普查报告）/ write PDF documents",
    "preinstall": "先期管线迁改与底坑预做的经济评估 / pre-installation valuation",
    "quotes": "电梯报价比选 / compare elevator quotes",
    "export-unit": "从项目导出单元 JSON / export a unit file from a project",
    "import-unit": "把单元 JSON 导入项目 / import a unit file into a project",
    "anonymise": "导出脱敏项目 / write an anonymised copy of a project",
    "progress": "办理阶段统计与推进 / units per stage, move a unit to its next stage",
    "objections": "公示异议与异议登记表 / objections to the notice, register PDF",
    "upkeep": "运维提醒与年度收支公示 / upkeep reminders, yearly statement PDF",
    "import-intent": "导入意向登记（CSV/xlsx）/ import intent registrations",
    "import-votes": "导入线上表决结果 / import e-voting results into the audit log",
    "rollup": "多个街道项目汇总统计（xlsx、GeoJSON）/ district roll-up of street projects",
    "sunlight": "日照分析（加装前后各窗日照时数）/ sunlight hours per window before and after",
    "placement": "推荐井道位置（逐个实测、排序）/ candidate shaft positions, measured and ranked",
    "settings": "查看或修改项目设置（规则、系数表、组织信息）/ show or change project settings",
    "privacy": "个人信息查阅、删除与保存期限 / a resident's personal information",
    "ballots": "读取回收的征询表扫描件 / read returned consent forms from scans",
}

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOT_BUILT = 3
EXIT_NO_OUTPUT = 1
"""The result could not be written (a full disk, no standard output)."""


def _top_help() -> str:
    lines = [
        "用法 / usage:",
        "  elevator-eval [PROJECT]            打开桌面程序 / open the desktop app",
        "  elevator-eval COMMAND ARGS …       命令行 / headless",
        "",
        "命令 / commands:",
    ]
    width = max(map(len, COMMANDS))
    for name, text in COMMANDS.items():
        lines.append(f"  {name:<{width}}  {text}")
    lines.append("")
    lines.append("elevator-eval COMMAND --help 查看参数 / shows a command's arguments.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    try:
        code = _main(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # help and version text: a full disk shows here
        return code
    except BrokenPipeError:  # the reader went away (`| head`): no traceback
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except OSError as e:  # writing the help or the version text to a full disk
        return _output_failed(sys.stderr, e)


def _main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help", "help"):
        print(_top_help())
        return EXIT_OK
    if argv and argv[0] == "--version":
        print(f"elevator-eval {__version__}")
        return EXIT_OK
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:])
    return run_gui(argv)


def run_command(name: str, argv: list[str], stdout=None, stderr=None) -> int:
    """Run one subcommand; returns its exit code. Output goes to ``stdout``/``stderr``."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        if any("\x00" in a for a in argv):
            raise InputError("arguments", "an argument contains a NUL character")
        module = importlib.import_module(f"elevator_eval.commands.{name.replace('-', '_')}")
        from .cli_parser import Parser  # not on the desktop app's way to its window

        parser = Parser(prog=f"elevator-eval {name}", description=COMMANDS[name])
        module.add_arguments(parser)
        try:
            args = parser.parse_args(argv)
        except SystemExit as e:  # --help
            return int(e.code or 0)
        result = module.run(args)
    except InputError as e:
        stderr.write(f"error: {_one_line(str(e))}\n")
        return EXIT_BAD_INPUT
    except ProjectFileError as e:
        stderr.write(f"error: {_one_line(str(e))}\n")
        return EXIT_BAD_INPUT
    except NotBuiltError as e:
        stderr.write(f"error: {_one_line(str(e))}\n")
        return EXIT_NOT_BUILT
    except KeyboardInterrupt:
        stderr.write("error: interrupted\n")
        return 130
    except OSError as e:  # a file name too long, a folder that does not exist, no permission
        stderr.write(f"error: {_one_line(_os_error(e))}\n")
        return EXIT_BAD_INPUT
    except RecursionError:
        stderr.write("error: input is nested too deeply\n")
        return EXIT_BAD_INPUT
    except Exception as e:  # never a traceback in front of a user
        stderr.write(
            f"error: could not process the input ({type(e).__name__}: {_one_line(str(e))})\n"
        )
        return EXIT_BAD_INPUT
    try:
        if result.json_mode:
            from .unitfile_write import dumps_json  # lazy: 0.14 s to import, only for JSON

            text = dumps_json(result.data, indent=2) + "\n"
            stdout.write(text if _encodable(stdout, text) else _ascii_json(text))
        elif result.text:
            stdout.write(result.text.rstrip("\n") + "\n")
        if result.json_mode or result.text:
            stdout.flush()  # a full disk shows here, not at the interpreter's exit
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() ends quietly
    except (OSError, AttributeError, ValueError) as e:  # a full disk; no or a closed stdout
        return _output_failed(stderr, e)
    return result.exit_code


def _output_failed(stderr, e: Exception) -> int:
    """Say in one line that the result could not be written; the exit code for it."""
    reason = e.strerror if isinstance(e, OSError) and e.strerror else "no output stream"
    _say(stderr, f"error: cannot write the output ({reason})\n")
    return EXIT_NO_OUTPUT


def _say(stream, text: str) -> None:
    """Write ``text`` to ``stream`` when it can be written (stderr may be closed or full)."""
    try:
        stream.write(text)
        stream.flush()
    except (OSError, AttributeError, ValueError):
        pass


def _tolerant_streams() -> None:
    """Characters the console's encoding lacks (Chinese on an ASCII or Latin-1 pipe) are
    escaped instead of ending the program with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _encodable(stream, text: str) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character written as a ``\\uXXXX`` escape (valid
    JSON: outside strings JSON text is ASCII)."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)


def _os_error(e: OSError) -> str:
    """``file NAME: reason`` for an operating-system error (long names shortened)."""
    name = "" if e.filename is None else str(e.filename)
    if len(name) > 80:
        name = name[:38] + "…" + name[-38:]
    reason = e.strerror or type(e).__name__
    return f"file {name}: {reason}" if name else f"file: {reason}"


def _one_line(text: str) -> str:
    from .privacy import (
        scrub,  # lazy: only on the error path; no phone numbers in errors
    )

    return scrub(" ".join(text.split()))[:2000]


def run_gui(argv: list[str]) -> int:
    if not argv:  # the common start: no arguments to parse (no parser built)
        return _start_app(None, None)
    typo = _misspelt_command(argv[0])
    if typo:
        sys.stderr.write(
            f"error: unknown command '{argv[0]}' (did you mean {typo}?); "
            "elevator-eval --help lists the commands\n"
        )
        return EXIT_BAD_INPUT
    from .cli_parser import Parser

    parser = Parser(prog="elevator-eval", usage="elevator-eval [PROJECT] [--lang zh|en]")
    parser.add_argument("project", nargs="?", help="project file (.eeproj)")
    parser.add_argument("--lang", choices=["zh", "en"], default=None)
    try:
        args = parser.parse_args(argv)
    except InputError as e:
        sys.stderr.write(f"error: {e}; elevator-eval --help lists the commands\n")
        return EXIT_BAD_INPUT
    return _start_app(args.project, args.lang)


def _misspelt_command(word: str) -> str | None:
    """The command ``word`` is a slip for (``asses`` → ``assess``), when it names no file."""
    import difflib
    import os

    if word.startswith("-") or os.path.exists(word) or "." in word or "/" in word:
        return None
    close = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.75)
    return close[0] if close else None


def _start_app(project: str | None, lang: str | None) -> int:
    # The start makes some 200,000 objects that live as long as the window (Qt's classes
    # and enums, the modules, the project read): the cyclic collector would only walk
    # them again and again (≈ 15 ms of the start). It waits until the window has painted
    # (``ui.app.run`` turns it back on then; here if the app does not start).
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .ui.app import run as run_app  # lazy: Qt is loaded only for the desktop app
    except ImportError as e:
        if collecting:
            gc.enable()
        if (e.name or "").startswith("elevator_eval"):
            raise  # our own code must import; only a missing Qt library is reported
        sys.stderr.write(f"error: the desktop app cannot start ({e})\n")
        return 1
    try:
        return run_app(project, lang=lang, resume_collector=collecting)
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
