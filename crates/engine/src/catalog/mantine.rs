//! Mantine's components with dash-mantine-components' names and props, by family as the
//! renderer's files group them. Each also takes Mantine's style props (`MANTINE_STYLE`).
//! Button, Tabs, Slider, RangeSlider, Textarea, Table and Code serve Dash's html and core
//! components of those names too: one kind takes both prop sets.

use super::{kinds, KindSpec};

pub(super) const KINDS: &[KindSpec] = kinds!(Mantine;
    // ---- layout
    "MantineProvider" { "children": Children, "theme": Object, "forceColorScheme": Str };
    "AppShell" {
        "children": Children, "header": Object, "navbar": Object, "aside": Object, "footer": Object,
        "padding": Any, "withBorder": Bool, "layout": Str,
    };
    "AppShellHeader" { "children": Children, "withBorder": Bool };
    "AppShellNavbar" { "children": Children, "withBorder": Bool };
    "AppShellAside" { "children": Children, "withBorder": Bool };
    "AppShellMain" { "children": Children };
    "AppShellFooter" { "children": Children, "withBorder": Bool };
    "Container" { "children": Children, "size": Any, "fluid": Bool };
    "Grid" { "children": Children, "gutter": Any, "grow": Bool, "justify": Str, "align": Str, "columns": Int };
    "GridCol" { "children": Children, "span": Any, "offset": Any, "order": Any };
    "SimpleGrid" { "children": Children, "cols": Any, "spacing": Any, "verticalSpacing": Any };
    "Group" {
        "children": Children, "gap": Any, "justify": Str, "align": Str, "wrap": Str, "grow": Bool,
        "preventGrowOverflow": Bool,
    };
    "Stack" { "children": Children, "gap": Any, "justify": Str, "align": Str };
    // deskdash's own: a Stack whose rows are drawn only while in view (`estimateSize`, a row's
    // height in px before it is first drawn; `overscan`, rows drawn beyond the view each side).
    "VirtualStack" { "children": Children, "gap": Any, "estimateSize": Num, "overscan": Int };
    "Flex" {
        "children": Children, "gap": Any, "rowGap": Any, "columnGap": Any, "direction": Any, "wrap": Any,
        "justify": Any, "align": Any,
    };
    "Center" { "children": Children, "inline": Bool };
    "Space" {};
    "Divider" {
        "label": Children, "labelPosition": Str, "orientation": Str, "size": Any, "color": Str, "variant": Str,
    };
    "Paper" { "children": Children, "shadow": Str, "radius": Any, "withBorder": Bool };
    "Card" { "children": Children, "withBorder": Bool, "shadow": Str, "radius": Any, "padding": Any };
    "CardSection" { "children": Children, "withBorder": Bool, "inheritPadding": Bool };
    "ScrollArea" { "children": Children, "type": Str, "scrollbarSize": Any, "offsetScrollbars": Bool };

    // ---- typography
    "Title" { "children": Children, "order": Int, "size": Any };
    "Text" {
        "children": Children, "size": Any, "variant": Str, "gradient": Object, "span": Bool, "inherit": Bool,
        "lineClamp": Int, "truncate": Any, "inline": Bool,
    };
    "Anchor" { "children": Children, "href": Str, "target": Str, "underline": Str, "size": Any };
    "Code" { "children": Children, "block": Bool, "color": Str };
    "Kbd" { "children": Children, "size": Any };
    "Blockquote" { "children": Children, "cite": Children, "icon": Children, "color": Str, "radius": Any, "iconSize": Any };
    "List" {
        "children": Children, "type": Str, "withPadding": Bool, "spacing": Any, "size": Any, "icon": Children, "center": Bool,
    };
    "ListItem" { "children": Children, "icon": Children };

    // ---- inputs
    "TextInput" {
        "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "required": Bool, "withAsterisk": Bool, "leftSection": Children, "rightSection": Children,
        "size": Str, "radius": Any, "variant": Str, "debounce": Any, "n_submit": Int, "n_blur": Int, "type": Str,
    } edit ["value", "n_submit", "n_blur"] persist ["value"];
    "PasswordInput" {
        "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "required": Bool, "withAsterisk": Bool, "leftSection": Children, "size": Str, "radius": Any,
        "variant": Str, "debounce": Any, "n_submit": Int, "n_blur": Int, "visible": Bool,
    } edit ["value", "n_submit", "n_blur", "visible"];
    "NumberInput" {
        "value": StrOrNum, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "required": Bool, "min": Num, "max": Num, "step": Num, "decimalScale": Int, "prefix": Str,
        "suffix": Str, "thousandSeparator": Any, "allowNegative": Bool, "allowDecimal": Bool, "hideControls": Bool,
        "leftSection": Children, "rightSection": Children, "size": Str, "radius": Any, "variant": Str, "debounce": Any,
        "n_submit": Int, "n_blur": Int,
    } edit ["value", "n_submit", "n_blur"] persist ["value"];
    "Textarea" {
        "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str, "rows": Int,
        "disabled": Bool, "required": Bool, "autosize": Bool, "minRows": Int, "maxRows": Int, "size": Str, "radius": Any,
        "variant": Str, "debounce": Any, "n_blur": Int,
    } edit ["value", "n_blur"] persist ["value"];
    "Select" {
        "data": Array, "value": Any, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "required": Bool, "searchable": Bool, "clearable": Bool, "allowDeselect": Bool,
        "nothingFoundMessage": Children, "maxDropdownHeight": Any, "leftSection": Children, "size": Str, "radius": Any,
        "variant": Str,
    } edit ["value"] persist ["value"];
    "MultiSelect" {
        "data": Array, "value": Array, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "required": Bool, "searchable": Bool, "clearable": Bool, "maxValues": Int,
        "hidePickedOptions": Bool, "nothingFoundMessage": Children, "size": Str, "radius": Any, "variant": Str,
    } edit ["value"] persist ["value"];
    "TagsInput" {
        "data": Array, "value": Array, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "clearable": Bool, "maxTags": Int, "splitChars": Array, "size": Str, "radius": Any,
        "variant": Str,
    } edit ["value"] persist ["value"];
    "Autocomplete" {
        "data": Array, "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "limit": Int, "size": Str, "radius": Any, "variant": Str,
    } edit ["value"] persist ["value"];
    "Checkbox" {
        "checked": Bool, "value": Str, "label": Children, "description": Children, "error": Children,
        "indeterminate": Bool, "disabled": Bool, "color": Str, "size": Str, "radius": Any, "labelPosition": Str,
    } edit ["checked"] persist ["checked"];
    "CheckboxGroup" {
        "children": Children, "value": Array, "label": Children, "description": Children, "error": Children,
        "withAsterisk": Bool,
    } edit ["value"] persist ["value"];
    "Switch" {
        "checked": Bool, "label": Children, "description": Children, "error": Children, "onLabel": Children,
        "offLabel": Children, "disabled": Bool, "color": Str, "size": Str, "radius": Any, "labelPosition": Str,
    } edit ["checked"] persist ["checked"];
    "Radio" { "value": Str, "label": Children, "description": Children, "disabled": Bool, "color": Str, "size": Str };
    "RadioGroup" {
        "children": Children, "value": Any, "label": Children, "description": Children, "error": Children,
        "withAsterisk": Bool,
    } edit ["value"] persist ["value"];
    "SegmentedControl" {
        "data": Array, "value": Any, "disabled": Bool, "fullWidth": Bool, "orientation": Str, "color": Str, "size": Str,
        "radius": Any,
    } edit ["value"] persist ["value"];
    "Chip" {
        "children": Children, "checked": Bool, "value": Str, "variant": Str, "color": Str, "size": Str, "radius": Any,
        "disabled": Bool, "type": Str,
    } edit ["checked"] persist ["checked"];
    "ChipGroup" { "children": Children, "value": Any, "multiple": Bool } edit ["value"] persist ["value"];
    "Slider" {
        "min": Num, "max": Num, "step": Num, "value": Num, "marks": Any, "disabled": Bool, "label": Any,
        "updatemode": Str, "color": Str, "size": Any, "radius": Any, "labelAlwaysOn": Bool, "showLabelOnHover": Bool,
        "inverted": Bool, "restrictToMarks": Bool,
    } edit ["value"] persist ["value"];
    "RangeSlider" {
        "min": Num, "max": Num, "step": Num, "value": Array, "pushable": Num, "marks": Any, "disabled": Bool,
        "label": Any, "updatemode": Str, "color": Str, "size": Any, "radius": Any, "labelAlwaysOn": Bool, "minRange": Num,
        "maxRange": Num,
    } edit ["value"] persist ["value"];
    "Rating" {
        "value": Num, "count": Int, "fractions": Int, "readOnly": Bool, "color": Str, "size": Any,
    } edit ["value"] persist ["value"];
    "ColorInput" {
        "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "format": Str, "swatches": Array, "withPicker": Bool, "size": Str, "radius": Any,
    } edit ["value"] persist ["value"];
    "DateInput" {
        "value": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "clearable": Bool, "valueFormat": Str, "minDate": Str, "maxDate": Str, "size": Str,
        "radius": Any,
    } edit ["value"] persist ["value"];
    "DatePickerInput" {
        "value": Any, "type": Str, "label": Children, "description": Children, "error": Children, "placeholder": Str,
        "disabled": Bool, "clearable": Bool, "valueFormat": Str, "minDate": Str, "maxDate": Str, "size": Str,
        "radius": Any,
    } edit ["value"] persist ["value"];
    "FileInput" {
        "value": Any, "contents": Any, "multiple": Bool, "accept": Str, "label": Children, "description": Children,
        "error": Children, "placeholder": Str, "disabled": Bool, "clearable": Bool, "size": Str, "radius": Any,
    } edit ["value", "contents"];

    // ---- buttons
    "Button" {
        "children": Children, "n_clicks": Int, "n_clicks_timestamp": Num, "disabled": Bool, "variant": Str, "color": Str,
        "size": Str, "radius": Any, "leftSection": Children, "rightSection": Children, "fullWidth": Bool, "loading": Bool,
        "gradient": Object, "justify": Str, "href": Str, "target": Str,
    } edit ["n_clicks", "n_clicks_timestamp"];
    "ActionIcon" {
        "children": Children, "n_clicks": Int, "disabled": Bool, "variant": Str, "color": Str, "size": Any,
        "radius": Any, "loading": Bool, "gradient": Object,
    } edit ["n_clicks"];
    "CopyButton" {
        "value": Str, "children": Children, "copiedLabel": Children, "n_clicks": Int, "color": Str, "copiedColor": Str,
        "variant": Str, "size": Str, "timeout": Int,
    } edit ["n_clicks"];

    // ---- feedback
    "Alert" {
        "children": Children, "title": Children, "color": Str, "variant": Str, "icon": Children, "withCloseButton": Bool, "hide": Bool,
        "radius": Any,
    } edit ["hide"];
    "Progress" {
        "value": Num, "color": Str, "size": Any, "radius": Any, "striped": Bool, "animated": Bool, "transitionDuration": Int,
    };
    "RingProgress" {
        "sections": Array, "label": Children, "size": Int, "thickness": Int, "roundCaps": Bool, "rootColor": Str,
    };
    "Loader" { "color": Str, "size": Any, "type": Str };
    "Skeleton" {
        "children": Children, "visible": Bool, "height": Any, "width": Any, "circle": Bool, "radius": Any, "animate": Bool,
    };
    "Notification" {
        "children": Children, "title": Children, "color": Str, "icon": Children, "loading": Bool, "withCloseButton": Bool,
        "withBorder": Bool, "radius": Any, "hide": Bool,
    } edit ["hide"];
    "NotificationContainer" {
        "sendNotifications": Array, "position": Str, "autoClose": Any, "limit": Int, "containerWidth": Any,
    };

    // ---- overlays
    "Modal" {
        "children": Children, "title": Children, "opened": Bool, "size": Any, "centered": Bool, "withCloseButton": Bool,
        "closeOnClickOutside": Bool, "closeOnEscape": Bool, "fullScreen": Bool, "radius": Any, "padding": Any,
        "zIndex": Int,
    } edit ["opened"];
    "Drawer" {
        "children": Children, "title": Children, "opened": Bool, "position": Str, "size": Any, "withCloseButton": Bool,
        "closeOnClickOutside": Bool, "padding": Any, "zIndex": Int,
    } edit ["opened"];
    "Tooltip" {
        "children": Children, "label": Children, "position": Str, "withArrow": Bool, "multiline": Bool, "color": Str,
        "openDelay": Int, "disabled": Bool,
    };
    "Popover" {
        "children": Children, "opened": Bool, "position": Str, "withArrow": Bool, "width": Any, "shadow": Str,
        "trapFocus": Bool,
    } edit ["opened"];
    "PopoverTarget" { "children": Children };
    "PopoverDropdown" { "children": Children };
    "HoverCard" { "children": Children, "position": Str, "withArrow": Bool, "width": Any, "shadow": Str, "openDelay": Int };
    "HoverCardTarget" { "children": Children };
    "HoverCardDropdown" { "children": Children };
    "Menu" {
        "children": Children, "opened": Bool, "position": Str, "withArrow": Bool, "width": Any, "shadow": Str,
        "trigger": Str,
    } edit ["opened"];
    "MenuTarget" { "children": Children };
    "MenuDropdown" { "children": Children };
    "MenuItem" {
        "children": Children, "n_clicks": Int, "leftSection": Children, "rightSection": Children, "color": Str,
        "disabled": Bool, "href": Str,
    } edit ["n_clicks"];
    "MenuLabel" { "children": Children };
    "MenuDivider" {};

    // ---- navigation
    "Tabs" {
        "value": Str, "children": Children, "variant": Str, "orientation": Str, "color": Str, "radius": Any,
        "placement": Str, "keepMounted": Bool,
    } edit ["value"] persist ["value"];
    "TabsList" { "children": Children, "grow": Bool, "justify": Str };
    "TabsTab" {
        "children": Children, "value": Str, "leftSection": Children, "rightSection": Children, "disabled": Bool,
        "color": Str,
    };
    "TabsPanel" { "children": Children, "value": Str };
    "NavLink" {
        "label": Children, "description": Children, "href": Str, "active": Bool, "leftSection": Children,
        "rightSection": Children, "n_clicks": Int, "opened": Bool, "children": Children, "variant": Str, "color": Str,
        "disabled": Bool,
    } edit ["n_clicks", "opened"];
    "Breadcrumbs" { "children": Children, "separator": Children, "separatorMargin": Any };
    "Pagination" {
        "total": Int, "value": Int, "siblings": Int, "boundaries": Int, "color": Str, "size": Any, "radius": Any,
        "withEdges": Bool, "withControls": Bool, "disabled": Bool,
    } edit ["value"] persist ["value"];
    "Stepper" {
        "children": Children, "active": Int, "orientation": Str, "color": Str, "size": Str, "radius": Any,
        "allowNextStepsSelect": Bool, "iconSize": Any,
    } edit ["active"] persist ["active"];
    "StepperStep" {
        "children": Children, "label": Children, "description": Children, "icon": Children, "color": Str,
        "loading": Bool, "allowStepSelect": Bool,
    };
    "StepperCompleted" { "children": Children };

    // ---- data display
    "Badge" {
        "children": Children, "color": Str, "variant": Str, "size": Str, "radius": Any, "leftSection": Children,
        "rightSection": Children, "fullWidth": Bool, "circle": Bool, "gradient": Object,
    };
    "Avatar" { "children": Children, "src": Str, "alt": Str, "name": Str, "color": Str, "radius": Any, "size": Any, "variant": Str };
    "AvatarGroup" { "children": Children, "spacing": Any };
    "Indicator" {
        "children": Children, "label": Children, "color": Str, "size": Any, "position": Str, "processing": Bool,
        "disabled": Bool, "withBorder": Bool, "inline": Bool, "offset": Num,
    };
    "ThemeIcon" { "children": Children, "color": Str, "variant": Str, "size": Any, "radius": Any, "gradient": Object };
    "Accordion" {
        "children": Children, "value": Any, "multiple": Bool, "variant": Str, "chevronPosition": Str, "radius": Any,
    } edit ["value"] persist ["value"];
    "AccordionItem" { "children": Children, "value": Str };
    "AccordionControl" { "children": Children, "icon": Children, "disabled": Bool };
    "AccordionPanel" { "children": Children };
    "Timeline" {
        "children": Children, "active": Int, "bulletSize": Int, "lineWidth": Int, "color": Str, "align": Str,
        "reverseActive": Bool,
    };
    "TimelineItem" { "children": Children, "title": Children, "bullet": Children, "lineVariant": Str, "color": Str };
    "Table" {
        "children": Children, "data": Object, "striped": Any, "highlightOnHover": Bool, "withTableBorder": Bool,
        "withColumnBorders": Bool, "withRowBorders": Bool, "verticalSpacing": Any, "horizontalSpacing": Any,
        "captionSide": Str, "stickyHeader": Bool,
    };
    "Image" { "src": Str, "alt": Str, "radius": Any, "fit": Str, "fallbackSrc": Str };
    "Spoiler" {
        "children": Children, "maxHeight": Int, "showLabel": Children, "hideLabel": Children, "expanded": Bool,
    } edit ["expanded"];

    // ---- icons: dash-iconify's component and names ("tabler:trash", "mdi:home")
    "DashIconify" { "icon": Str, "width": Any, "height": Any, "color": Str, "rotate": Any, "flip": Str, "inline": Bool };

    // ---- charts (Mantine's, drawn with recharts; for small summaries where plotly is heavy)
    "AreaChart" {
        "data": Array, "dataKey": Str, "series": Array, "type": Str, "curveType": Str, "withLegend": Bool,
        "withTooltip": Bool, "withDots": Bool, "gridAxis": Str, "unit": Str, "clickData": Any, "yAxisProps": Object,
        "xAxisProps": Object, "fillOpacity": Num,
    } edit ["clickData"];
    "BarChart" {
        "data": Array, "dataKey": Str, "series": Array, "type": Str, "orientation": Str, "withLegend": Bool,
        "withTooltip": Bool, "gridAxis": Str, "unit": Str, "clickData": Any, "yAxisProps": Object, "xAxisProps": Object,
        "fillOpacity": Num,
    } edit ["clickData"];
    "LineChart" {
        "data": Array, "dataKey": Str, "series": Array, "curveType": Str, "withLegend": Bool, "withTooltip": Bool,
        "withDots": Bool, "gridAxis": Str, "unit": Str, "clickData": Any, "yAxisProps": Object, "xAxisProps": Object,
        "strokeWidth": Num,
    } edit ["clickData"];
    "DonutChart" {
        "data": Array, "withLabels": Bool, "withLabelsLine": Bool, "withTooltip": Bool, "size": Int, "thickness": Int,
        "chartLabel": StrOrNum, "paddingAngle": Num, "clickData": Any,
    } edit ["clickData"];
    "PieChart" {
        "data": Array, "withLabels": Bool, "withLabelsLine": Bool, "withTooltip": Bool, "size": Int, "labelsType": Str,
        "labelsPosition": Str, "clickData": Any,
    } edit ["clickData"];
    "Sparkline" { "data": Array, "color": Str, "curveType": Str, "fillOpacity": Num, "trendColors": Object, "strokeWidth": Num };
);
