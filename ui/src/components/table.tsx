// Data table on AG Grid community: rows (`data`), `columns` ({name, id, type?, editable?}),
// sorting, filtering, row selection and editing, reported as Dash's DataTable reports them
// (`filter_query` in Dash's query language, `sort_by`, `selected_rows`, `active_cell`, `data`).
// With `filter_action`/`sort_action` "custom" a Rust callback computes the rows; the grid
// still reports the same props.

import { useEffect, useMemo, useRef } from "react";
import { AllCommunityModule, ModuleRegistry, themeQuartz, colorSchemeDark, type ColDef } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useComputedColorScheme } from "@mantine/core";
import { type ComponentProps, domProps, num } from "../props";
import { filterModelToQuery, NUMBER_OPTIONS, queryToFilterModel, TEXT_OPTIONS } from "./tableQuery";
import type { GridApi } from "ag-grid-community";
import { errorLog } from "../runtime/errors";

ModuleRegistry.registerModules([AllCommunityModule]);

type Row = Record<string, unknown>;

function DataTable(p: ComponentProps) {
  const dark = useComputedColorScheme("light") === "dark";
  const rows = Array.isArray(p.props["data"]) ? (p.props["data"] as Row[]) : [];
  const columns = Array.isArray(p.props["columns"]) ? (p.props["columns"] as Row[]) : [];
  const sortable = p.props["sort_action"] !== "none";
  const filterable = p.props["filter_action"] === "native" || p.props["filter_action"] === "custom";
  const editable = p.props["editable"] === true;
  const selectable = p.props["row_selectable"];
  const columnDefs = useMemo<ColDef[]>(
    () =>
      columns.map((c) => ({
        field: String(c["id"]),
        headerName: String(c["name"] ?? c["id"]),
        sortable,
        // Dash's filtering is case-sensitive unless the query says otherwise.
        // Numbers line up on the right, as in any spreadsheet.
        type: c["type"] === "numeric" ? "rightAligned" : undefined,
        // A filter row under the headers, as Dash's DataTable has.
        floatingFilter: filterable,
        ...(filterable
          ? c["type"] === "numeric"
            ? { filter: "agNumberColumnFilter", filterParams: { filterOptions: NUMBER_OPTIONS } }
            : { filter: "agTextColumnFilter", filterParams: { filterOptions: TEXT_OPTIONS, caseSensitive: true } }
          : { filter: false }),
        editable: editable || c["editable"] === true,
        flex: 1,
        minWidth: 96,
      })),
    [columns, sortable, filterable, editable],
  );
  // A `filter_query` set from Rust shows in the filter row; the one the grid itself just
  // reported is already there.
  const api = useRef<GridApi | null>(null);
  const reported = useRef<string | null>(null);
  const query = typeof p.props["filter_query"] === "string" ? (p.props["filter_query"] as string) : "";
  const numeric = useMemo(() => new Set(columns.filter((c) => c["type"] === "numeric").map((c) => String(c["id"]))), [columns]);
  const showQuery = (grid: GridApi) => {
    if (!filterable || query === reported.current) return;
    const model = queryToFilterModel(query, (column) => numeric.has(column));
    if (model === null) {
      errorLog.push({ source: `data table ${p.idKey ?? ""}`, inputs: [], message: `filter_query ${JSON.stringify(query)} cannot be shown in the filter row` });
      return;
    }
    reported.current = query;
    grid.setFilterModel(model);
  };
  useEffect(() => {
    if (api.current) showQuery(api.current);
  }, [query]);
  const theme = useMemo(() => (dark ? themeQuartz.withPart(colorSchemeDark) : themeQuartz).withParams({ fontFamily: "Inter, system-ui, sans-serif", fontSize: 14 }), [dark]);
  const attrs = domProps(p);
  return (
    <div {...attrs} style={{ height: 360, width: "100%", ...((attrs["style"] as Row) ?? {}) }}>
      <AgGridReact
        theme={theme}
        rowData={rows}
        columnDefs={columnDefs}
        pagination={num(p.props, "page_size") !== undefined}
        paginationPageSize={num(p.props, "page_size")}
        rowSelection={selectable === "multi" ? { mode: "multiRow" } : selectable === "single" ? { mode: "singleRow" } : undefined}
        onSelectionChanged={(e) => {
          const selected = e.api.getSelectedNodes().map((n) => n.rowIndex ?? -1).filter((i) => i >= 0);
          p.setProps({ selected_rows: selected });
        }}
        onSortChanged={(e) => {
          const sort_by = e.api
            .getColumnState()
            .filter((s) => s.sort)
            .map((s) => ({ column_id: s.colId, direction: s.sort }));
          p.setProps({ sort_by });
        }}
        onGridReady={(e) => {
          api.current = e.api;
          showQuery(e.api);
        }}
        onFilterChanged={(e) => {
          const next = filterModelToQuery(e.api.getFilterModel());
          if (next === reported.current) return;
          reported.current = next;
          p.setProps({ filter_query: next });
        }}
        onCellClicked={(e) => p.setProps({ active_cell: { row: e.rowIndex, column_id: e.column.getColId() } })}
        onCellValueChanged={(e) => {
          const next = rows.slice();
          if (e.rowIndex !== null && e.rowIndex !== undefined) next[e.rowIndex] = { ...e.data };
          p.setProps({ data: next, data_timestamp: Date.now() });
        }}
      />
    </div>
  );
}

export const tableComponents = { DataTable };
