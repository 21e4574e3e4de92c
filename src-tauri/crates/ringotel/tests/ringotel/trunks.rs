//! SMS number writes on the wire: create, read-modify-write, delete, and a create whose answer
//! is lost.

use super::{client, harbor};
use ringotel::RingotelError;
use sandbox::{DEMO_API_KEY, Fault, Sandbox, Service};
use serde_json::json;

fn body(number: &str, service: &str) -> ringotel::SmsTrunkBody {
    serde_json::from_value(json!({
        "number": number, "name": "Wire test", "service": service, "users": [],
        "country": "US", "inboundFormat": "e164", "outboundFormat": "e164",
        "sessionTimeout": 0, "x_client_note": "kept"
    }))
    .unwrap()
}

#[tokio::test]
async fn a_number_is_created_updated_whole_and_deleted() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let org = harbor(&ringotel).await;
    let id = ringotel
        .create_sms_trunk(&org, &body("18585550101", "ThinQ"))
        .await
        .unwrap();
    let mut trunk = ringotel
        .get_sms_trunks(&org)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap();
    assert_eq!(trunk.rest["x_client_note"], "kept");
    trunk.name = "Renamed".into();
    trunk.set_send_name(true);
    ringotel.update_sms_trunk(&org, &trunk).await.unwrap();
    let after = ringotel.get_sms_trunks(&org).await.unwrap();
    let updated = after.iter().find(|t| t.id == id).unwrap();
    assert_eq!(updated.name, "Renamed");
    assert_eq!(updated.send_name(), Some(true));
    assert_eq!(
        updated.rest["x_client_note"], "kept",
        "unknown fields survive"
    );
    ringotel.delete_sms_trunk(&org, &id).await.unwrap();
    assert!(
        !ringotel
            .get_sms_trunks(&org)
            .await
            .unwrap()
            .iter()
            .any(|t| t.id == id)
    );
}

#[tokio::test]
async fn a_create_whose_answer_is_lost_is_not_sent_again_and_the_number_exists_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let org = harbor(&ringotel).await;
    let _ = sandbox.take_request_log();
    sandbox.inject(Service::Ringotel, Fault::DropResponse);
    let err = ringotel
        .create_sms_trunk(&org, &body("18585550102", "ThinQ"))
        .await
        .unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    let creates = sandbox
        .take_request_log()
        .iter()
        .filter(|r| r.method == "createSMSTrunk")
        .count();
    assert_eq!(creates, 1, "a create is never retried blindly");
    let found = ringotel.get_sms_trunks(&org).await.unwrap();
    assert_eq!(
        found.iter().filter(|t| t.number == "18585550102").count(),
        1
    );
}

#[tokio::test]
async fn a_refused_create_carries_the_services_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let org = harbor(&ringotel).await;
    let err = ringotel
        .create_sms_trunk(&org, &body("18585550103", "NoSuchService"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RingotelError::Remote { ref message, .. } if message.contains("Unknown service")),
        "{err:?}"
    );
}
