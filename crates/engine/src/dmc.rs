//! Mantine's components with dash-mantine-components' names, as Dash authors write
//! `dmc.Checkbox(...)`: `dmc::checkbox("done")`. Components a user changes take their id;
//! containers take their children. Button, Tabs, Slider, Textarea, Table and Code are also
//! Dash's (the crate root has `button`, `tabs`, `slider`, ...): one kind serves both.

use crate::component::{Component, IdArg, IntoChildren};
use serde::Serialize;
use serde_json::{json, Value};

macro_rules! containers {
    ($($(#[$doc:meta])* $fname:ident => $kind:literal),+ $(,)?) => {
        $(
            $(#[$doc])*
            #[doc = concat!("dmc's `", $kind, "`, with its children.")]
            pub fn $fname(children: impl IntoChildren) -> Component {
                Component::new($kind).children(children)
            }
        )+
    };
}

macro_rules! with_id {
    ($($(#[$doc:meta])* $fname:ident => $kind:literal),+ $(,)?) => {
        $(
            $(#[$doc])*
            #[doc = concat!("dmc's `", $kind, "`, with the id callbacks address it by.")]
            pub fn $fname(id: impl Into<IdArg>) -> Component {
                Component::new($kind).id(id)
            }
        )+
    };
}

containers!(
    /// The app's theme for what it holds; `theme` and `force_color_scheme` switch at run time.
    mantine_provider => "MantineProvider",
    app_shell => "AppShell", app_shell_header => "AppShellHeader", app_shell_navbar => "AppShellNavbar",
    app_shell_aside => "AppShellAside", app_shell_main => "AppShellMain", app_shell_footer => "AppShellFooter",
    container => "Container", grid => "Grid", grid_col => "GridCol", simple_grid => "SimpleGrid",
    group => "Group", stack => "Stack",
    /// A stack of rows drawn only while in view: a list of thousands draws, switches and
    /// patches at the cost of a screenful. Every row stays in the layout (ALL inputs see them).
    virtual_stack => "VirtualStack",
    flex => "Flex", center => "Center", paper => "Paper",
    card => "Card", card_section => "CardSection", scroll_area => "ScrollArea",
    text => "Text", code => "Code", kbd => "Kbd", blockquote => "Blockquote", list => "List",
    list_item => "ListItem", button => "Button", action_icon => "ActionIcon", alert => "Alert",
    skeleton => "Skeleton", notification => "Notification",
    popover_target => "PopoverTarget", popover_dropdown => "PopoverDropdown",
    hover_card => "HoverCard", hover_card_target => "HoverCardTarget", hover_card_dropdown => "HoverCardDropdown",
    menu_target => "MenuTarget", menu_dropdown => "MenuDropdown", menu_item => "MenuItem", menu_label => "MenuLabel",
    tabs_list => "TabsList", breadcrumbs => "Breadcrumbs", stepper_completed => "StepperCompleted",
    badge => "Badge", avatar => "Avatar", avatar_group => "AvatarGroup", indicator => "Indicator",
    theme_icon => "ThemeIcon", accordion_control => "AccordionControl", accordion_panel => "AccordionPanel",
    timeline => "Timeline", table => "Table", spoiler => "Spoiler",
);

with_id!(
    text_input => "TextInput", password_input => "PasswordInput", number_input => "NumberInput",
    textarea => "Textarea", select => "Select", multi_select => "MultiSelect", tags_input => "TagsInput",
    autocomplete => "Autocomplete", checkbox => "Checkbox", checkbox_group => "CheckboxGroup",
    switch => "Switch", radio_group => "RadioGroup", segmented_control => "SegmentedControl",
    chip => "Chip", chip_group => "ChipGroup", slider => "Slider", range_slider => "RangeSlider",
    rating => "Rating", color_input => "ColorInput", date_input => "DateInput",
    date_picker_input => "DatePickerInput", file_input => "FileInput", copy_button => "CopyButton",
    modal => "Modal", drawer => "Drawer", popover => "Popover", menu => "Menu", tabs => "Tabs",
    nav_link => "NavLink", pagination => "Pagination", stepper => "Stepper", accordion => "Accordion",
    /// Where notifications sent by callbacks appear (see [`show_notification`]).
    notification_container => "NotificationContainer",
    progress => "Progress", ring_progress => "RingProgress",
    area_chart => "AreaChart", bar_chart => "BarChart", line_chart => "LineChart",
    donut_chart => "DonutChart", pie_chart => "PieChart", sparkline => "Sparkline",
);

/// A heading of `order` 1 to 6.
pub fn title(order: u8, text: impl IntoChildren) -> Component {
    Component::new("Title").order(order).children(text)
}

pub fn anchor(text: impl IntoChildren, href: &str) -> Component {
    Component::new("Anchor").children(text).href(href)
}

pub fn divider() -> Component {
    Component::new("Divider")
}

/// Empty space: `space().h("md")`.
pub fn space() -> Component {
    Component::new("Space")
}

pub fn loader() -> Component {
    Component::new("Loader")
}

pub fn image(src: &str) -> Component {
    Component::new("Image").src(src)
}

pub fn menu_divider() -> Component {
    Component::new("MenuDivider")
}

/// A Radio of a RadioGroup.
pub fn radio(value: &str, label: &str) -> Component {
    Component::new("Radio").value(value).label(label)
}

/// A Chip of a ChipGroup, or on its own with an id.
pub fn chip_item(value: &str, label: impl IntoChildren) -> Component {
    Component::new("Chip").value(value).children(label)
}

/// A Checkbox of a CheckboxGroup.
pub fn checkbox_item(value: &str, label: &str) -> Component {
    Component::new("Checkbox").value(value).label(label)
}

/// A tooltip shown over what it holds.
pub fn tooltip(label: impl IntoChildren, target: impl IntoChildren) -> Component {
    Component::new("Tooltip").prop("label", label.into_children()).children(target)
}

pub fn tabs_tab(value: &str, label: impl IntoChildren) -> Component {
    Component::new("TabsTab").value(value).children(label)
}

pub fn tabs_panel(value: &str, content: impl IntoChildren) -> Component {
    Component::new("TabsPanel").value(value).children(content)
}

pub fn accordion_item(value: &str, content: impl IntoChildren) -> Component {
    Component::new("AccordionItem").value(value).children(content)
}

pub fn stepper_step(label: impl IntoChildren, content: impl IntoChildren) -> Component {
    Component::new("StepperStep").prop("label", label.into_children()).children(content)
}

pub fn timeline_item(title: impl IntoChildren, content: impl IntoChildren) -> Component {
    Component::new("TimelineItem").title(title).children(content)
}

/// An icon by dash-iconify's name ("tabler:trash", "mdi:home"), from the bundled sets.
pub fn icon(name: &str) -> Component {
    Component::new("DashIconify").prop("icon", name)
}

/// One notification for a NotificationContainer's `sendNotifications`, as dmc's API takes it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Value>,
    message: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<String>,
    /// Milliseconds, or `false` to stay until closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    auto_close: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    loading: Option<bool>,
}

/// A notification to show: `show_notification("Saved").title("Notes").color("teal")`.
pub fn show_notification(message: impl IntoChildren) -> Notification {
    Notification {
        action: "show",
        id: None,
        title: None,
        message: message.into_children(),
        color: None,
        auto_close: None,
        loading: None,
    }
}

impl Notification {
    /// Names the notification, so a later `update` or `hide` finds it.
    pub fn id(mut self, id: &str) -> Self {
        self.id = Some(id.to_string());
        self
    }
    pub fn title(mut self, title: impl IntoChildren) -> Self {
        self.title = Some(title.into_children());
        self
    }
    pub fn color(mut self, color: &str) -> Self {
        self.color = Some(color.to_string());
        self
    }
    /// Closes after `ms` milliseconds (`None`: stays until the user closes it).
    pub fn auto_close(mut self, ms: Option<u64>) -> Self {
        self.auto_close = Some(ms.map_or(json!(false), Value::from));
        self
    }
    pub fn loading(mut self, on: bool) -> Self {
        self.loading = Some(on);
        self
    }
    /// The same notification as an update of the one shown with this id.
    pub fn update(mut self) -> Self {
        self.action = "update";
        self
    }
}

/// Hides the notification shown with `id`.
pub fn hide_notification(id: &str) -> Value {
    json!({"action": "hide", "id": id})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_make_dmc_kinds_and_props() {
        let c = checkbox("done").checked(true).label("Done").mt(2);
        assert_eq!(c.to_json(), json!({"type": "Checkbox", "props": {"id": "done", "checked": true, "label": "Done", "mt": 2}}));
        let n = serde_json::to_value(show_notification("Saved").title("Notes").color("teal").auto_close(None)).unwrap();
        assert_eq!(n, json!({"action": "show", "title": "Notes", "message": "Saved", "color": "teal", "autoClose": false}));
        assert_eq!(icon("tabler:x").to_json(), json!({"type": "DashIconify", "props": {"icon": "tabler:x"}}));
    }
}
