//! Arbitrary bytes as a policy: parsing, validation, error rendering and rule compilation
//! must return errors, never panic.
#![no_main]

use freigabe::{Engine, Lang, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Policy::from_toml(&text) {
        Ok(policy) => {
            // Compiling touches every rule's settings; an error here is a valid outcome.
            if let Err(error) = Engine::new(policy) {
                let _ = error.render(Lang::De);
            }
        }
        // Rendering slices the policy text at the error's span: a wrong span panics here.
        Err(error) => {
            let _ = error.render(Lang::En);
            let _ = error.headline(Lang::De);
        }
    }
});
