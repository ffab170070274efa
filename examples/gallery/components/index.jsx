// The gallery's own component: a row of colour swatches. The app sets `colors`; a click sets
// `picked`, which a Rust callback reads like any other prop. Declared in Rust with
// `App::component(CustomKind::new("ColorSwatches")...)`; built by `./run` (see the README).

const { register } = window.deskdash;

function ColorSwatches({ props, setProps }) {
  const colors = Array.isArray(props.colors) ? props.colors : [];
  return (
    <div id={typeof props.id === "string" ? props.id : undefined} style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
      {colors.map((color) => (
        <button
          key={color}
          type="button"
          aria-label={color}
          aria-pressed={props.picked === color}
          onClick={() => setProps({ picked: color })}
          style={{
            width: 32,
            height: 32,
            borderRadius: "50%",
            cursor: "pointer",
            background: `var(--mantine-color-${color}-6)`,
            border: props.picked === color ? "3px solid var(--mantine-color-text)" : "3px solid transparent",
          }}
        />
      ))}
    </div>
  );
}

register("ColorSwatches", ColorSwatches);
