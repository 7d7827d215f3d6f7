//! Writes the time zone data file of the WebAssembly package (`bindings-wasm/pkg/tzdb.bin`,
//! made by `npm run build`): every zone jiff bundles, for `load_time_zone_data`.
//!
//! Usage: `cargo run -p freigabe --example time_zone_data -- OUT_FILE`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .ok_or("usage: time_zone_data OUT_FILE")?;
    std::fs::write(out, freigabe::time_zone_data())?;
    Ok(())
}
