//! The loopback HTTP server generated Actions fetch from, started once per process on
//! 127.0.0.1: a small answer, a slow one, a body above the response cap, and a redirect
//! to a private address (refused at the address check, never connected to).

use std::sync::OnceLock;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::runtime::runtime;

/// The server's base URL, `http://127.0.0.1:<port>`.
pub(crate) fn base_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let listener = runtime().block_on(TcpListener::bind("127.0.0.1:0")).expect("a loopback listener");
        let port = listener.local_addr().expect("its address").port();
        runtime().spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(answer(stream));
            }
        });
        format!("http://127.0.0.1:{port}")
    })
}

async fn answer(mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let path = String::from_utf8_lossy(&request).split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (status, extra, body): (&str, &str, Vec<u8>) = match path.as_str() {
        "/ok" => ("200 OK", "content-type: application/json\r\n", br#"{"ok":true}"#.to_vec()),
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(2)).await;
            ("200 OK", "", b"late".to_vec())
        }
        "/big" => ("200 OK", "", vec![b'x'; 3 << 20]),
        "/redirect" => ("302 Found", "location: http://10.0.0.1/\r\n", Vec::new()),
        _ => ("404 Not Found", "", Vec::new()),
    };
    let head = format!("HTTP/1.1 {status}\r\n{extra}content-length: {}\r\nconnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(&body).await;
}
