// Mounts the app into the page.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { installZoom } from './lib/ui/zoom';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
installZoom();
mount(App, { target });
