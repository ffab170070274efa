"""Dash's page switch, for the pages bench: a `use_pages` app with the two pages the
secure-pages example's bench switches between (the same ids), driven in headless Chromium
with the same in-page probe (page_switch.js). Prints one JSON object.
usage: dash_pages.py <shared/bench/dash dir> [runs]
"""
import json, os, statistics, subprocess, sys, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = 8063


def app():
    import dash
    from dash import Dash, Input, Output, dcc, html

    app = Dash(__name__, use_pages=True, pages_folder="")

    def home():
        return html.Div([html.H2("Welcome"), html.P("This page is public."),
                         html.Button("Click me", id="clicker"), html.Div(id="clicks")])

    def service():
        return html.Div([html.H2("Service"), html.P("Uses the service API key."),
                         html.Button("Check the key", id="check-key"), html.Div(id="key-status")])

    dash.register_page("home", path="/", layout=home, name="Home")
    dash.register_page("service", path="/service", layout=service, name="Service")

    @dash.callback(Output("clicks", "children"), Input("clicker", "n_clicks"))
    def count(n):
        return "Not clicked yet" if not n else f"Clicked {n} times"

    app.layout = html.Div([
        html.Nav([dcc.Link("Home", href="/", id="nav-home"), dcc.Link("Service", href="/service", id="nav-service")]),
        dash.page_container,
    ])
    return app


def serve():
    app().run(debug=False, port=PORT)


def measure(shared, runs):
    sys.path.insert(0, shared)
    from benchlib import start_browser
    srv = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = None
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5)
                break
            except Exception:
                time.sleep(0.1)
        d = start_browser()
        d.get(f"http://127.0.0.1:{PORT}/")
        time.sleep(2)
        probe = open(os.path.join(HERE, "page_switch.js")).read()
        lat = d.execute_async_script(probe, "nav-home,nav-service", "clicker,check-key", runs)
    finally:
        if d:
            d.quit()
        srv.terminate()
        srv.wait(10)
    return dict(p50=round(statistics.median(lat), 1), p90=round(lat[int(len(lat) * 0.9)], 1), n=len(lat))


if __name__ == "__main__":
    if "--serve" in sys.argv:
        serve()
    else:
        print(json.dumps(measure(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60)))
