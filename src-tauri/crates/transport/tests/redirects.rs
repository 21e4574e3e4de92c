//! The shared client follows no redirect: a 3xx to another address reaches the caller as it
//! came, and the other address never sees the key or the body.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpListener;

/// Answers one request on `listener` with `response`; returns the request as received.
fn answer_once(listener: TcpListener, response: String) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return String::new();
        };
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        // Headers and the small body arrive together; read until the body is in.
        while !String::from_utf8_lossy(&request).contains("secret-body") {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        let _ = stream.write_all(response.as_bytes());
        String::from_utf8_lossy(&request).into_owned()
    })
}

#[tokio::test]
async fn a_redirect_is_returned_not_followed_and_the_key_goes_nowhere_else() {
    let elsewhere = TcpListener::bind("127.0.0.1:0").unwrap();
    elsewhere.set_nonblocking(true).unwrap();
    let elsewhere_port = elsewhere.local_addr().unwrap().port();
    let asked = TcpListener::bind("127.0.0.1:0").unwrap();
    let asked_port = asked.local_addr().unwrap().port();
    for status in [
        "301 Moved Permanently",
        "302 Found",
        "307 Temporary Redirect",
        "308 Permanent Redirect",
    ] {
        let listener = asked.try_clone().unwrap();
        let server = answer_once(
            listener,
            format!(
                "HTTP/1.1 {status}\r\nLocation: http://127.0.0.1:{elsewhere_port}/steal\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        );
        let client = transport::build_client().unwrap();
        let reply = client
            .post(format!("http://127.0.0.1:{asked_port}/api"))
            .bearer_auth("secret-key")
            .body("secret-body")
            .send()
            .await
            .unwrap();
        let request = server.join().unwrap();
        assert!(
            request.contains("secret-key"),
            "the asked address got the call"
        );
        assert_eq!(
            reply.status().as_u16(),
            status[..3].parse::<u16>().unwrap(),
            "the caller sees the {status} as it came"
        );
        match elsewhere.accept() {
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            other => panic!("after a {status}, the other address was contacted: {other:?}"),
        }
    }
}
