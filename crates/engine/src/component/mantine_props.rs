//! Typed setters for Mantine's props (dmc's names in snake case): the state a user changes
//! (`checked`, `opened`), parts that hold components (`description`, `left_section`, `icon`),
//! and Mantine's style props (`mt`, `p`, `w`, ...). The catalog says which kinds take each.

use super::{Component, IntoChildren};
use serde::Serialize;

/// Setters whose value is serialized as given.
macro_rules! value_setters {
    ($($(#[$doc:meta])* $fname:ident : $ty:ty => $prop:literal),+ $(,)?) => {
        impl Component {
            $(
                $(#[$doc])*
                pub fn $fname(self, value: $ty) -> Self {
                    self.prop($prop, value)
                }
            )+
        }
    };
}

/// Setters for props that hold text or components.
macro_rules! children_setters {
    ($($(#[$doc:meta])* $fname:ident => $prop:literal),+ $(,)?) => {
        impl Component {
            $(
                $(#[$doc])*
                pub fn $fname(self, content: impl IntoChildren) -> Self {
                    self.prop($prop, content.into_children())
                }
            )+
        }
    };
}

value_setters!(
    /// Checkbox, Switch, Chip: whether it is on (the user's clicks change it).
    checked: bool => "checked",
    /// Modal, Drawer, Popover, Menu, NavLink: whether it is open (closing sets it false).
    opened: bool => "opened",
    /// Alert, Notification: hidden (their close button sets it).
    hide: bool => "hide",
    /// Spoiler: whether the whole content shows.
    expanded: bool => "expanded",
    radius: impl Serialize => "radius",
    shadow: &str => "shadow",
    /// Title: 1 to 6.
    order: u8 => "order",
    /// GridCol: columns out of 12, "auto", "content", or a responsive map.
    span: impl Serialize => "span",
    offset: impl Serialize => "offset",
    /// Pagination: the number of pages.
    total: u32 => "total",
    /// Stepper: the current step; Timeline: the last active item.
    active: impl Serialize => "active",
    position: &str => "position",
    orientation: &str => "orientation",
    multiple: bool => "multiple",
    required: bool => "required",
    full_width: bool => "fullWidth",
    loading: bool => "loading",
    with_arrow: bool => "withArrow",
    centered: bool => "centered",
    striped: impl Serialize => "striped",
    highlight_on_hover: bool => "highlightOnHover",
    with_table_border: bool => "withTableBorder",
    with_close_button: bool => "withCloseButton",
    autosize: bool => "autosize",
    min_rows: u32 => "minRows",
    max_rows: u32 => "maxRows",
    value_format: &str => "valueFormat",
    /// Charts: the key of each row's x value.
    data_key: &str => "dataKey",
    /// Charts: `[{"name": "sales", "color": "indigo.6"}]`.
    series: impl Serialize => "series",
    curve_type: &str => "curveType",
    with_legend: bool => "withLegend",
    /// Sections of a RingProgress: `[{"value": 40, "color": "teal"}]`.
    sections: impl Serialize => "sections",
    /// A MantineProvider's theme overrides, switchable by a callback.
    theme: impl Serialize => "theme",
    /// A MantineProvider's "light" or "dark", overriding the user's toggle.
    force_color_scheme: &str => "forceColorScheme",
    /// NotificationContainer: the notifications to show (see [`crate::dmc::show_notification`]).
    send_notifications: impl Serialize => "sendNotifications",
    /// DashIconify: the icon's width (a number of pixels or a CSS length).
    width: impl Serialize => "width",
    fluid: bool => "fluid",
    grow: bool => "grow",
    wrap: &str => "wrap",
    src: &str => "src",
    alt: &str => "alt",
    max_height: u32 => "maxHeight",
    line_clamp: u32 => "lineClamp",
    underline: &str => "underline",
    // Mantine's style props, each a spacing token ("xs" to "xl"), a number of pixels, or a
    // responsive map.
    m: impl Serialize => "m",
    mt: impl Serialize => "mt",
    mb: impl Serialize => "mb",
    ml: impl Serialize => "ml",
    mr: impl Serialize => "mr",
    mx: impl Serialize => "mx",
    my: impl Serialize => "my",
    p: impl Serialize => "p",
    px: impl Serialize => "px",
    py: impl Serialize => "py",
    w: impl Serialize => "w",
    h: impl Serialize => "h",
    maw: impl Serialize => "maw",
    miw: impl Serialize => "miw",
    mih: impl Serialize => "mih",
    mah: impl Serialize => "mah",
    /// Text colour: a theme colour ("dimmed", "red.7") or CSS.
    c: impl Serialize => "c",
    bg: impl Serialize => "bg",
    fz: impl Serialize => "fz",
    ta: &str => "ta",
);

children_setters!(
    description => "description",
    error => "error",
    left_section => "leftSection",
    right_section => "rightSection",
    icon => "icon",
    /// The heading of a Modal, Drawer, Alert, Notification or TimelineItem.
    title => "title",
);
