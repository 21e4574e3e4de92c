// The same ready marker the app sets once its first screen can take input (App.svelte).
document.documentElement.dataset.readyAt = String(Date.now());
document.documentElement.dataset.ready = 'true';
