console.log("spa-asset-fixture");
