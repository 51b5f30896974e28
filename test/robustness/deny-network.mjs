// Loaded before the lab in the offline test: any attempt to open a network connection or resolve a
// name fails loudly, so a test sees it even where the system cannot take the network away.
import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';

const refuse = (what) => () => {
  process.stderr.write(`NETWORK USE: ${what}\n`);
  throw new Error(`network use: ${what}`);
};
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
net.createServer = refuse('net.createServer');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
